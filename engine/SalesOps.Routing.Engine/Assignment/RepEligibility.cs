using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>Whether a rep could take a lead right now, and every reason why not.</summary>
/// <param name="Candidate">The rep with effective configuration and state.</param>
/// <param name="State">The rep's live state (out-of-office period, counters).</param>
/// <param name="Reasons">Why the rep is not eligible; empty when eligible.</param>
public sealed record RepEligibility(RepCandidate Candidate, RepState State, IReadOnlyList<string> Reasons)
{
    /// <summary>True when no eligibility rule objects.</summary>
    public bool Eligible => Reasons.Count == 0;
}
