using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Security;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Rules;

/// <summary>Rule-set status, reload, validation, versions, dry runs and backtests.</summary>
internal static partial class RuleEndpoints
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static IEndpointRouteBuilder MapRuleEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/rules").WithTags("Rules");
        group.MapGet("/status", (RuleSetProvider rules) => TypedResults.Ok(rules.Status))
            .WithName("GetRuleStatus").WithSummary("The live rule-set version, when it was loaded, and why the files on disk were refused, if they were.")
            .RequireAuthorization(ApiRoles.Viewer);
        group.MapPost("/reload", ReloadAsync)
            .WithName("ReloadRules").WithSummary("Reads the rule folder now; a valid new set becomes live, an invalid one is refused with its errors.")
            .RequireAuthorization(ApiRoles.Ops);
        group.MapPost("/validate", ValidateAsync)
            .WithName("ValidateRules").WithSummary("Checks a draft rule set (a zip, or a JSON object of file name to content) without activating it.")
            .Accepts<Dictionary<string, string>>("application/json", "application/zip")
            .RequireAuthorization(ApiRoles.Ops);
        group.MapGet("/versions", ListVersionsAsync).WithName("ListRuleVersions").WithSummary("Every rule-set version that was ever live.")
            .RequireAuthorization(ApiRoles.Viewer);
        group.MapGet("/versions/{version}", GetVersionAsync).WithName("GetRuleVersion").WithSummary("One version with the exact files it was built from.")
            .RequireAuthorization(ApiRoles.Viewer);
        group.MapPost("/backtest", BacktestAsync)
            .WithName("BacktestRules").WithSummary("Replays stored leads of a time window through a draft rule set and counts what would change.")
            .RequireAuthorization(ApiRoles.Ops);
        routes.MapPost("/api/simulate", SimulateAsync).WithTags("Rules")
            .WithName("Simulate").WithSummary("The decision and trace a lead would get, under the live rules or a draft; stores nothing.")
            .RequireAuthorization(ApiRoles.Ops);
        return routes;
    }

    private static async Task<IResult> ReloadAsync(RuleSetProvider rules, CancellationToken cancellationToken)
    {
        var result = await rules.ReloadAsync(cancellationToken);
        return result.Outcome switch
        {
            ReloadOutcome.Activated or ReloadOutcome.Unchanged =>
                TypedResults.Ok(new ReloadResponse(result.Outcome.ToString().ToLowerInvariant(), result.Version, rules.Status)),
            ReloadOutcome.Invalid => InvalidRules(result.Errors, "The rule files on disk are invalid; the live version keeps routing."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Rule set not activated",
                detail: rules.Status.LastError?.Message),
        };
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, RuleSetProvider rules, CancellationToken cancellationToken)
    {
        var isZip = request.ContentType?.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase) == true
            || request.ContentType?.StartsWith("application/x-zip-compressed", StringComparison.OrdinalIgnoreCase) == true;
        if (!isZip && !request.HasJsonContentType())
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send a zip (application/zip) or a JSON object of file name to content (application/json).");

        var body = await RequestBody.ReadAsync(request, DraftRuleFiles.MaxBodyBytes, cancellationToken);
        if (body is null)
            return TooLarge();

        Dictionary<string, string>? draft;
        string? problem;
        if (isZip)
        {
            draft = DraftRuleFiles.FromZip(body, out problem);
        }
        else
        {
            var document = ParseJson(body, out var error);
            if (document is null)
                return error!;
            using (document)
                draft = DraftRuleFiles.FromJson(document.RootElement, out problem);
        }

        if (draft is null)
            return BadRequest("$", problem!);

        var set = DraftRuleFiles.Complete(draft, rules.Current);
        try
        {
            var built = RuleSetBuilder.Build(set.Files);
            return TypedResults.Ok(new RuleValidationResponse(true, built.Version, set.FromDraft, set.FromLive, set.Ignored));
        }
        catch (RuleSetException ex)
        {
            return InvalidRules(ex.Errors, "The draft rule set is invalid.", set);
        }
    }

    private static async Task<Ok<RuleVersionsResponse>> ListVersionsAsync(RuleSetProvider rules, IRuleVersionStore versions, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RuleVersionsResponse(rules.Status.ActiveVersion, await versions.ListAsync(cancellationToken)));

    private static async Task<Results<Ok<RuleVersionRecord>, ProblemHttpResult>> GetVersionAsync(string version, IRuleVersionStore versions,
        CancellationToken cancellationToken)
    {
        var record = await versions.GetAsync(version, cancellationToken);
        return record is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Rule-set version not found",
                detail: $"No rule-set version '{version}' was ever live.")
            : TypedResults.Ok(record);
    }

    private static IResult InvalidRules(IReadOnlyList<RuleSetError> errors, string title, DraftRuleSet? set = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors };
        if (set is not null)
        {
            extensions["fromDraft"] = set.FromDraft;
            extensions["fromLive"] = set.FromLive;
            extensions["ignored"] = set.Ignored;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
            detail: errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems; the first: {errors[0]}", extensions: extensions);
    }

    private static JsonDocument? ParseJson(byte[] body, out IResult? error)
    {
        error = null;
        try
        {
            return JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            error = BadRequest("$", $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}");
            return null;
        }
    }

    private static IResult BadRequest(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is invalid.");

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"A request may be at most {DraftRuleFiles.MaxBodyBytes / (1024 * 1024)} MB.");

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
