namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact inferred by an eligibility rule: this rep cannot take the lead, and why.</summary>
/// <param name="RepId">The rep.</param>
/// <param name="Rule">The eligibility rule that said so.</param>
/// <param name="Reason">Why, in words for the trace.</param>
public sealed record Ineligible(string RepId, string Rule, string Reason);
