using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>A territory or segment rule: sends matching leads to <paramref name="TeamId"/>.</summary>
/// <param name="Rule">The compiled condition.</param>
/// <param name="TeamId">Team that gets the lead.</param>
/// <param name="Priority">Higher wins when several rules match; file order breaks ties.</param>
public sealed record RoutingRule(CompiledRule Rule, string TeamId, int Priority)
{
    /// <summary>
    /// The trace entry for a match; the same for every lead, so it is built once, from the values
    /// given at construction (a copy made with <c>with</c> would keep the original's entry).
    /// </summary>
    internal TraceEntry Matched { get; } = new(TraceStages.Route, Rule.Name, $"team {TeamId}");
}
