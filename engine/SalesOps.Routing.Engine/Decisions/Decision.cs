namespace SalesOps.Routing.Engine.Decisions;

/// <summary>The complete, explainable outcome for one lead.</summary>
/// <param name="Status">One of <see cref="LeadStatus"/>.</param>
/// <param name="Score">Lead score.</param>
/// <param name="Qualified">Whether the lead is a marketing-qualified lead.</param>
/// <param name="TeamId">Team chosen by routing, if any.</param>
/// <param name="RepId">Rep assigned, if any.</param>
/// <param name="RepName">Display name of the rep assigned, if any.</param>
/// <param name="RuleSetVersion">Content hash of the rule set that decided.</param>
/// <param name="Trace">Every step, in order.</param>
public sealed record Decision(
    string Status,
    int Score,
    bool Qualified,
    string? TeamId,
    string? RepId,
    string? RepName,
    string RuleSetVersion,
    IReadOnlyList<TraceEntry> Trace);
