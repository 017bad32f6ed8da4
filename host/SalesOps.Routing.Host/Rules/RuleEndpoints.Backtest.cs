using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NRules;
using SalesOps.Routing.Host.Routing;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Rules;

internal static partial class RuleEndpoints
{
    private static async Task<IResult> BacktestAsync(HttpRequest request, RuleSetProvider rules, IDecisionHistory history, ISessionFactory sessions,
        IOptions<RoutingOptions> routing, CancellationToken cancellationToken)
    {
        var (document, error) = await ReadJsonObjectAsync(request, cancellationToken);
        if (document is null)
            return error!;
        using (document)
        {
            var root = document.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var from = Instant(root, "from", errors);
            var to = Instant(root, "to", errors);
            var limit = Number(root, "limit", BacktestRunner.DefaultLimit, 1, BacktestRunner.MaxLimit, errors);
            var examples = Number(root, "examples", BacktestRunner.DefaultExamples, 0, BacktestRunner.MaxExamples, errors);
            if (from is not null && to is not null && from >= to)
                errors["to"] = ["must be after from"];
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors, title: "The backtest request is invalid.");

            var (draft, _, rulesError) = DraftOrLive(root, rules);
            if (draft is null)
                return rulesError!;
            return TypedResults.Ok(await BacktestRunner.RunAsync(history, sessions, TimeSpan.FromDays(routing.Value.DuplicateWindowDays), draft,
                from!.Value, to!.Value, limit, examples, cancellationToken));
        }
    }

    private static DateTimeOffset? Instant(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            errors[name] = ["is required: an ISO 8601 instant such as 2026-11-01T00:00:00Z"];
        else if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            errors[name] = ["must be an ISO 8601 instant such as 2026-11-01T00:00:00Z"];
        else
            return instant.ToUniversalTime();
        return null;
    }

    private static int Number(JsonElement root, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return fallback;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
            return number;
        errors[name] = [$"must be a whole number from {min} to {max}"];
        return fallback;
    }
}
