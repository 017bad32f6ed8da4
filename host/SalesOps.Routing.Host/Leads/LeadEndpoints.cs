using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Observability;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Security;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

internal static partial class LeadEndpoints
{
    public const int MaxLeadBytes = 64 * 1024;
    internal static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/leads").WithTags("Leads");
        group.MapPost("/", PostLeadAsync)
            .WithName("PostLead")
            .WithSummary("Score, qualify, route and assign a lead; idempotent by source and externalId.")
            .Accepts<JsonElement>("application/json")
            .Produces<LeadResponse>(StatusCodes.Status201Created)
            .Produces<LeadResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(ApiRoles.Ingest);
        group.MapGet("/{id}", GetLeadAsync).WithName("GetLead")
            .WithSummary("The lead now: its status and owner, the decision that first routed it with its trace, every assignment since, and its SLA clocks.")
            .RequireAuthorization(ApiRoles.Viewer);
        return routes;
    }

    private static async Task<IResult> PostLeadAsync(
        HttpRequest request,
        RuleSetProvider rules,
        DecisionWriter writer,
        ILeadStore store,
        TimeProvider clock,
        RoutingMetrics metrics,
        DashboardEventHub dashboard,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        metrics.Received();
        if (!request.HasJsonContentType())
        {
            metrics.Rejected("media-type");
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the lead as application/json.");
        }

        var body = await RequestBody.ReadAsync(request, MaxLeadBytes, cancellationToken);
        if (body is null)
        {
            metrics.Rejected("too-large");
            return Problem(StatusCodes.Status413PayloadTooLarge, "Lead too large", $"A lead may be at most {MaxLeadBytes / 1024} KB.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Engine.Leads.LeadInput? input;
        string payload;
        try
        {
            payload = StrictUtf8.GetString(body);
            using var document = JsonDocument.Parse(body, DocumentOptions);
            input = LeadPayloadParser.Parse(document.RootElement, errors);
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException)
        {
            metrics.Rejected("malformed");
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["$"] = [ex is JsonException json ? JsonError(json) : "the body is not valid UTF-8"] },
                title: "The lead is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            // JsonDocument accepts an escaped lone surrogate ("\ud800") and throws only when the string is read.
            metrics.Rejected("malformed");
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["$"] = ["a string holds a \\u escape that is not valid UTF-16 (a lone surrogate)"] },
                title: "The lead is not valid JSON.");
        }

        if (input is null)
        {
            metrics.Rejected("invalid");
            return TypedResults.ValidationProblem(errors, title: "The lead has invalid fields.");
        }

        var pending = PendingLead.Evaluate(input, payload, rules.Current, clock.GetUtcNow());
        LogRuleFailures(loggers, pending);

        IngestOutcome outcome;
        try
        {
            outcome = await writer.SubmitAsync(pending, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            metrics.Rejected("unavailable");
            return Unavailable(ex.Message);
        }

        if (outcome is { Created: true, Record: { } created })
        {
            metrics.Routed(created.Decision.Status, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            dashboard.Publish(new DashboardEvent($"lead.{created.Decision.Status}", created.Id, created.Decision.RepId, created.Decision.TeamId, pending.ReceivedAt));
            return LeadAnswerResult.Created(LeadResponse.From(created));
        }

        var existing = outcome.Record ?? await store.GetAsync(outcome.ExistingId!, cancellationToken);
        return existing is null
            ? Unavailable("The stored lead could not be read back.")
            : LeadAnswerResult.Existing(LeadResponse.From(existing));
    }

    private static async Task<Results<Ok<LeadResponse>, ProblemHttpResult>> GetLeadAsync(string id, LeadSnapshotReader leads, RuleSetProvider rules,
        CancellationToken cancellationToken) =>
        await leads.ReadAsync(id, cancellationToken) is { } lead
            ? TypedResults.Ok(LeadResponse.From(lead.Record).AsOf(lead.Now, rules.Current) with { Timers = lead.Timers })
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Lead not found", detail: $"No lead has id '{id}'.");

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static IResult Unavailable(string detail) => new RetryAfterResult(
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable", detail: detail + " Retry later; the lead was not acknowledged."),
        TimeSpan.FromSeconds(2));

    private static string JsonError(JsonException ex) =>
        $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}";

    private static void LogRuleFailures(ILoggerFactory loggers, PendingLead pending)
    {
        // The logger is made only when there is something to log: making one per request showed in profiles.
        ILogger? logger = null;
        foreach (var entry in pending.Evaluation.Trace.Where(e => e.IsError))
            LogRuleFailed(logger ??= loggers.CreateLogger(typeof(LeadEndpoints)), entry.Stage, entry.Rule, pending.LeadId, entry.Effect);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule {Stage}/{Rule} failed for lead {LeadId}: {Effect}")]
    private static partial void LogRuleFailed(ILogger logger, string stage, string rule, string leadId, string effect);
}
