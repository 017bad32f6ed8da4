using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Security;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Routing;

internal static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/teams", ListTeamsAsync).WithTags("Teams and reps").WithSummary("Teams with their reps' load and eligibility now.")
            .RequireAuthorization(ApiRoles.Viewer);
        var reps = routes.MapGroup("/api/reps").WithTags("Teams and reps");
        reps.MapGet("/", ListRepsAsync).WithSummary("Every rep with overrides, load and eligibility now.").RequireAuthorization(ApiRoles.Viewer);
        reps.MapGet("/{id}", GetRepAsync).WithSummary("One rep.").RequireAuthorization(ApiRoles.Viewer);
        reps.MapPut("/{id}", ChangeRepAsync)
            .WithSummary("Change active, out of office, capacity or weight; effective for the next lead. Deactivating redistributes the rep's open leads.")
            .RequireAuthorization(ApiRoles.Ops);
        reps.MapPost("/{id}/reassign-open-leads", ReassignAsync).WithSummary("Redistribute the rep's open leads through the assignment rules.")
            .RequireAuthorization(ApiRoles.Ops);
        return routes;
    }

    private static async Task<Ok<TeamView[]>> ListTeamsAsync(RepLoad load, CancellationToken cancellationToken) =>
        TypedResults.Ok((await load.TeamsAsync(null, cancellationToken)).ToArray());

    private static async Task<Ok<RepView[]>> ListRepsAsync(RepLoad load, CancellationToken cancellationToken) =>
        TypedResults.Ok((await load.RepsAsync(null, cancellationToken)).ToArray());

    private static async Task<Results<Ok<RepView>, ProblemHttpResult>> GetRepAsync(string id, RepLoad load, CancellationToken cancellationToken)
    {
        var rep = (await load.RepsAsync(null, cancellationToken)).FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        return rep is null ? UnknownRep(id) : TypedResults.Ok(rep);
    }

    private static async Task<IResult> ChangeRepAsync(string id, JsonElement body, RuleSetProvider rules, RoutingOpsStore store,
        RepLoad load, DashboardEventHub dashboard, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ruleSet = rules.Current;
        if (!ruleSet.Reps.TryGetValue(id, out var rep))
            return UnknownRep(id);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var change = RepChangeParser.Parse(body, errors);
        if (change is null)
            return TypedResults.ValidationProblem(errors, title: "The rep change has invalid fields.");

        var result = await store.ChangeRepAsync(rep.Id, ruleSet, change, cancellationToken);
        dashboard.Publish(new DashboardEvent("rep.changed", null, rep.Id, rep.TeamId, clock.GetUtcNow()));
        var view = (await load.RepsAsync(null, cancellationToken)).First(r => r.Id == rep.Id);
        return TypedResults.Ok(new RepChangeResponse(view, [.. result.Reassigned.Select(ReassignmentView.From)]));
    }

    private static async Task<IResult> ReassignAsync(string id, RuleSetProvider rules, RoutingOpsStore store, DashboardEventHub dashboard,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var ruleSet = rules.Current;
        if (!ruleSet.Reps.TryGetValue(id, out var rep))
            return UnknownRep(id);
        var moved = await store.ReassignOpenLeadsAsync(rep.Id, ruleSet, "reassign requested", cancellationToken);
        dashboard.Publish(new DashboardEvent("rep.changed", null, rep.Id, rep.TeamId, clock.GetUtcNow()));
        return TypedResults.Ok(moved.Select(ReassignmentView.From).ToArray());
    }

    private static ProblemHttpResult UnknownRep(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Rep not found", detail: $"No rep has id '{id}' in the active rule set.");
}
