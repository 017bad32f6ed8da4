using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>A scoring rule: adds <paramref name="Points"/> when it matches.</summary>
/// <param name="Rule">The compiled condition.</param>
/// <param name="Points">Points added (may be negative).</param>
public sealed record ScoringRule(CompiledRule Rule, int Points)
{
    /// <summary>
    /// The trace entry for a match; the same for every lead, so it is built once, from the values
    /// given at construction (a copy made with <c>with</c> would keep the original's entry).
    /// </summary>
    internal TraceEntry Matched { get; } = new(TraceStages.Score, Rule.Name,
        Points >= 0 ? $"+{Points}" : Points.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
