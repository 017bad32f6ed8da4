using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>A qualification rule: a disqualifier, or a condition (such as the MQL threshold) that qualifies.</summary>
/// <param name="Rule">The compiled condition.</param>
/// <param name="Effect">Qualify or disqualify.</param>
/// <param name="Reason">Short reason shown in the trace, e.g. "free-mail".</param>
public sealed record QualificationRule(CompiledRule Rule, QualificationEffect Effect, string Reason)
{
    /// <summary>
    /// The trace entry for a match; the same for every lead, so it is built once, from the values
    /// given at construction (a copy made with <c>with</c> would keep the original's entry).
    /// </summary>
    internal TraceEntry Matched { get; } = new(TraceStages.Qualify, Rule.Name,
        Effect == QualificationEffect.Disqualify ? $"disqualified: {Reason}" : $"qualifies: {Reason}");
}
