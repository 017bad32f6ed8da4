using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>Whether a rep could take a lead right now, and every reason why not.</summary>
/// <param name="Candidate">The rep with effective configuration and state.</param>
/// <param name="Reasons">Why the rep is not eligible; empty when eligible.</param>
public sealed record RepEligibility(RepCandidate Candidate, IReadOnlyList<string> Reasons)
{
    /// <summary>True when no eligibility rule objects.</summary>
    public bool Eligible => Reasons.Count == 0;
}
