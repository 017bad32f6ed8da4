using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Distribution;

/// <summary>The eligible rep with the fewest leads awaiting first touch; among equals, whoever is next in turn.</summary>
public static class LeastLoaded
{
    /// <summary>Picks from reps given in turn order, so ties rotate instead of always favouring the first rep listed.</summary>
    public static RepCandidate? Pick(IEnumerable<RepCandidate> eligibleInTurnOrder)
    {
        RepCandidate? best = null;
        foreach (var candidate in eligibleInTurnOrder)
        {
            if (best is null || candidate.OpenLeads < best.OpenLeads)
                best = candidate;
        }

        return best;
    }
}
