using System.Text.Json;
using NRules;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Rules;

internal static partial class RuleEndpoints
{
    // A dry run reads the stored routing state outside any write transaction and assigns on that
    // private copy, which is never written back: it shows the rep the lead would get now without
    // taking that rep's turn or load.
    private static async Task<IResult> SimulateAsync(HttpRequest request, RuleSetProvider rules, IConnectionFactory connections,
        RoutingStateStore states, AssignmentContextLoader contexts, ISessionFactory sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, error) = await ReadJsonObjectAsync(request, cancellationToken);
        if (document is null)
            return error!;
        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("lead", out var leadElement))
                return BadRequest("lead", "is required: the lead to decide, as it would be posted to /api/leads");

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var input = LeadPayloadParser.Parse(leadElement, errors);
            if (input is null)
                return TypedResults.ValidationProblem(errors.ToDictionary(e => $"lead.{e.Key}", e => e.Value), title: "The lead has invalid fields.");

            var (ruleSet, draft, rulesError) = DraftOrLive(root, rules);
            if (ruleSet is null)
                return rulesError!;

            var evaluation = LeadEvaluator.Evaluate(input, ruleSet);
            await using var connection = await connections.OpenAsync(cancellationToken);
            var state = await states.ReadAsync(connection, null, cancellationToken);
            var context = await contexts.LoadAsync(connection, null, evaluation.Facts, clock.GetUtcNow(), withOpenLead: true, null, cancellationToken);
            var decision = RepAssigner.Assign(evaluation, ruleSet, state, context, sessions);
            return TypedResults.Ok(new SimulationResponse(draft, decision.RuleSetVersion, decision.Status, decision.Score, decision.Qualified,
                decision.TeamId, decision.RepId, decision.RepName, [.. decision.Trace.Select(t => new TraceEntryResponse(t.Stage, t.Rule, t.Effect))]));
        }
    }

    /// <summary>The draft in the body's "rules" property, completed with the live files; the live set when there is none.</summary>
    private static (RuleSet? Rules, bool Draft, IResult? Error) DraftOrLive(JsonElement root, RuleSetProvider rules)
    {
        if (!root.TryGetProperty("rules", out var map) || map.ValueKind == JsonValueKind.Null)
            return (rules.Current, false, null);

        var draft = DraftRuleFiles.FromJson(map, out var problem);
        if (draft is null)
            return (null, true, BadRequest("rules", problem!));

        var set = DraftRuleFiles.Complete(draft, rules.Current);
        try
        {
            return (RuleSetBuilder.Build(set.Files), true, null);
        }
        catch (RuleSetException ex)
        {
            return (null, true, InvalidRules(ex.Errors, "The draft rule set is invalid.", set));
        }
    }

    private static async Task<(JsonDocument? Document, IResult? Error)> ReadJsonObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the request as application/json."));
        var body = await RequestBody.ReadAsync(request, DraftRuleFiles.MaxBodyBytes, cancellationToken);
        if (body is null)
            return (null, TooLarge());
        var document = ParseJson(body, out var error);
        if (document is null)
            return (null, error);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
            return (document, null);
        document.Dispose();
        return (null, BadRequest("$", "the body must be a JSON object"));
    }
}
