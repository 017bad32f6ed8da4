namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact inferred when no eligibility rule objects to a team rep.</summary>
/// <param name="Candidate">The rep.</param>
public sealed record EligibleRep(RepCandidate Candidate);
