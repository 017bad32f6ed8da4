using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Distribution;

/// <summary>
/// Round robin keyed on the last rep served rather than on a numeric position, so adding or removing
/// a rep does not shift everyone else's turn, and a rep who was away simply rejoins the rotation
/// (no backlog of missed turns, so no flood on return).
/// </summary>
public static class RoundRobin
{
    /// <summary>The first eligible rep after <paramref name="lastRepId"/> in the team's order.</summary>
    public static RepCandidate? Next(TeamDefinition team, IReadOnlyList<RepCandidate> eligible, string? lastRepId)
    {
        // The plain round robin runs for most leads: it walks the turns itself rather than through
        // the iterator below, which would allocate for every lead.
        var count = team.Reps.Count;
        if (count == 0 || eligible.Count == 0)
            return null;

        var start = StartAfter(team, lastRepId);
        for (var step = 0; step < count; step++)
        {
            if (EligibleAt(team, (start + step) % count, eligible) is { } candidate)
                return candidate;
        }

        return null;
    }

    /// <summary>The eligible reps in turn order, starting after <paramref name="lastRepId"/>.</summary>
    public static IEnumerable<RepCandidate> InTurnOrder(TeamDefinition team, IReadOnlyList<RepCandidate> eligible, string? lastRepId)
    {
        var count = team.Reps.Count;
        if (count == 0 || eligible.Count == 0)
            yield break;

        var start = StartAfter(team, lastRepId);
        for (var step = 0; step < count; step++)
        {
            if (EligibleAt(team, (start + step) % count, eligible) is { } candidate)
                yield return candidate;
        }
    }

    // The position after the last rep served; the top of the list when that rep left the team.
    private static int StartAfter(TeamDefinition team, string? lastRepId)
    {
        for (var i = 0; i < team.Reps.Count; i++)
        {
            if (string.Equals(team.Reps[i].Id, lastRepId, StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }

        return 0;
    }

    // Indexed: a foreach over the interface would allocate an enumerator per turn.
    private static RepCandidate? EligibleAt(TeamDefinition team, int position, IReadOnlyList<RepCandidate> eligible)
    {
        var id = team.Reps[position].Id;
        for (var i = 0; i < eligible.Count; i++)
        {
            if (string.Equals(eligible[i].Id, id, StringComparison.OrdinalIgnoreCase))
                return eligible[i];
        }

        return null;
    }
}
