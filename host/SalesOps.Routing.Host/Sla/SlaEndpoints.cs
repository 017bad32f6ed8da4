using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesOps.Routing.Host.Security;

namespace SalesOps.Routing.Host.Sla;

internal static class SlaEndpoints
{
    private const int MaxWhoLength = 200;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapSlaEndpoints(this IEndpointRouteBuilder routes)
    {
        var leads = routes.MapGroup("/api/leads/{id}").WithTags("SLA").RequireAuthorization(ApiRoles.Ops);
        leads.MapPost("/touch", TouchAsync).WithName("TouchLead").WithSummary("Record a touch: stops the first-touch clock as met or late.");
        leads.MapPost("/sla/pause", PauseAsync).WithName("PauseSla").WithSummary("Pause the lead's running SLA clocks.");
        leads.MapPost("/sla/resume", ResumeAsync).WithName("ResumeSla").WithSummary("Resume the lead's paused SLA clocks; deadlines move by the paused business time.");

        var sla = routes.MapGroup("/api/sla").WithTags("SLA").RequireAuthorization(ApiRoles.Viewer);
        sla.MapGet("/timers", ListAsync).WithName("ListSlaTimers").WithSummary("Timers at risk, breached or in a given state, by team, paged.");
        sla.MapGet("/summary", SummaryAsync).WithName("SlaSummary").WithSummary("Speed to lead per team and rep: median and p90 business minutes to first touch, % met, breaches.");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<SlaTimerResponse>>, ValidationProblem, ProblemHttpResult>> TouchAsync(
        string id, SlaTouchRequest? request, SlaTimerCommands timers, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request?.Who) || request.Who.Length > MaxWhoLength)
            errors["who"] = [$"required: the rep or user who touched the lead (at most {MaxWhoLength} characters)"];
        DateTimeOffset? when = null;
        if (request?.When is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                errors["when"] = ["must be an ISO 8601 instant, e.g. 2026-03-02T09:15:00Z"];
            else if (parsed > clock.GetUtcNow())
                errors["when"] = ["is in the future"];
            else
                when = parsed;
        }

        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The touch has invalid fields.");
        return Result(await timers.TouchAsync(id, request!.Who!.Trim(), when, cancellationToken), id);
    }

    private static async Task<Results<Ok<IReadOnlyList<SlaTimerResponse>>, ValidationProblem, ProblemHttpResult>> PauseAsync(
        string id, SlaTimerCommands timers, CancellationToken cancellationToken) =>
        Result(await timers.PauseAsync(id, cancellationToken), id);

    private static async Task<Results<Ok<IReadOnlyList<SlaTimerResponse>>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        string id, SlaTimerCommands timers, CancellationToken cancellationToken) =>
        Result(await timers.ResumeAsync(id, cancellationToken), id);

    private static async Task<Results<Ok<SlaTimerPage>, ValidationProblem>> ListAsync(
        SlaQueries queries, CancellationToken cancellationToken, string? state = null, string? team = null, int page = 1, int pageSize = 50)
    {
        var filter = state ?? SlaQueries.AtRisk;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!SlaQueries.Filters.Contains(filter))
            errors["state"] = [$"must be one of {string.Join(", ", SlaQueries.Filters)}"];
        if (page < 1)
            errors["page"] = ["must be 1 or more"];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"must be from 1 to {MaxPageSize}"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The query has invalid parameters.");
        return TypedResults.Ok(await queries.ListAsync(filter, string.IsNullOrWhiteSpace(team) ? null : team, page, pageSize, cancellationToken));
    }

    private static async Task<Results<Ok<SlaSummary>, ValidationProblem>> SummaryAsync(
        SlaQueries queries, TimeProvider clock, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var end = Instant(to, "to", errors) ?? clock.GetUtcNow();
        var start = Instant(from, "from", errors) ?? end.AddDays(-7);
        if (errors.Count == 0 && start >= end)
            errors["from"] = ["must be before \"to\""];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The query has invalid parameters.");
        return TypedResults.Ok(await queries.SummaryAsync(start, end, cancellationToken));
    }

    private static DateTimeOffset? Instant(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return value;
        errors[name] = ["must be an ISO 8601 instant, e.g. 2026-03-02T00:00:00Z"];
        return null;
    }

    private static Results<Ok<IReadOnlyList<SlaTimerResponse>>, ValidationProblem, ProblemHttpResult> Result(SlaCommandOutcome outcome, string id) =>
        outcome.Status switch
        {
            SlaCommandStatus.Done => TypedResults.Ok(outcome.Timers),
            SlaCommandStatus.LeadNotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Lead not found", detail: $"No lead has id '{id}'."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "SLA clock not in a state for this", detail: outcome.Problem),
        };
}
