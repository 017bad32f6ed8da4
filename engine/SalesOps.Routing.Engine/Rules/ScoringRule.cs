namespace SalesOps.Routing.Engine.Rules;

/// <summary>A scoring rule: adds <paramref name="Points"/> when it matches.</summary>
/// <param name="Rule">The compiled condition.</param>
/// <param name="Points">Points added (may be negative).</param>
public sealed record ScoringRule(CompiledRule Rule, int Points);
