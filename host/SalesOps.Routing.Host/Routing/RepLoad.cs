using NRules;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Routing;

/// <summary>Every rep's load and eligibility right now, as the assignment rules see it.</summary>
internal sealed class RepLoad(RuleSetProvider rules, RoutingOpsStore store, ISessionFactory sessions, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamView>> TeamsAsync(string? team, CancellationToken cancellationToken)
    {
        var ruleSet = rules.Current;
        var state = await store.ReadStateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. ruleSet.Teams.Values
            .Where(t => team is null || string.Equals(t.Id, team, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new TeamView(t.Id, t.Name, t.Distribution, t.Fallback.RepId, t.Fallback.Queue,
                [.. RepAssigner.Eligibility(t, ruleSet, state, now, sessions).Select(RepView.From)]))];
    }

    public async Task<IReadOnlyList<RepView>> RepsAsync(string? team, CancellationToken cancellationToken) =>
        [.. (await TeamsAsync(team, cancellationToken)).SelectMany(t => t.Reps)];
}
