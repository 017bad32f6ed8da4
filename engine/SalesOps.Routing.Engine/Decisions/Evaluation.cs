using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Decisions;

/// <summary>
/// The part of a decision that depends only on the lead and the rule set: score, qualification and
/// team. It can be computed concurrently; rep assignment, which depends on shared routing state, is not.
/// </summary>
/// <param name="Facts">The normalized lead.</param>
/// <param name="Score">Sum of the points of the scoring rules that matched.</param>
/// <param name="Qualified">True when a qualifying rule matched and no disqualifier did.</param>
/// <param name="Disqualified">True when a disqualifier matched.</param>
/// <param name="TeamId">The team the routing stage chose; null for disqualified leads.</param>
/// <param name="RuleSetVersion">Content hash of the rule set that decided.</param>
/// <param name="Trace">What fired so far, in order.</param>
public sealed record Evaluation(
    LeadFacts Facts,
    int Score,
    bool Qualified,
    bool Disqualified,
    string? TeamId,
    string RuleSetVersion,
    IReadOnlyList<TraceEntry> Trace);
