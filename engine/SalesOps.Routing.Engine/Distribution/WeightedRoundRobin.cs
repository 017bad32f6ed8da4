using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Distribution;

/// <summary>
/// Smooth weighted round robin (the algorithm nginx uses): each turn every eligible rep earns its
/// weight in credit, the richest rep takes the lead and pays back the total. Shares match the
/// weights over any window and the turns interleave instead of arriving in runs. Only reps eligible
/// for a lead earn credit for it, so a rep who was away returns without a backlog.
/// </summary>
public static class WeightedRoundRobin
{
    /// <summary>The rep with the most credit after this turn's earnings; turn order breaks ties.</summary>
    public static RepCandidate? Pick(IEnumerable<RepCandidate> eligibleInTurnOrder, Assignment.RoutingState state)
    {
        RepCandidate? best = null;
        long bestCredit = long.MinValue;
        foreach (var candidate in eligibleInTurnOrder)
        {
            var credit = state.Rep(candidate.Id).Credit + candidate.Weight;
            if (credit > bestCredit)
            {
                best = candidate;
                bestCredit = credit;
            }
        }

        return best;
    }

    /// <summary>Books the turn: every eligible rep earns its weight, the chosen rep pays the total.</summary>
    public static void Settle(IReadOnlyList<RepCandidate> eligible, RepCandidate chosen, Assignment.RoutingState state)
    {
        long total = 0;
        foreach (var candidate in eligible)
        {
            state.Rep(candidate.Id).Credit += candidate.Weight;
            total += candidate.Weight;
            state.Touch(candidate.Id);
        }

        state.Rep(chosen.Id).Credit -= total;
    }
}
