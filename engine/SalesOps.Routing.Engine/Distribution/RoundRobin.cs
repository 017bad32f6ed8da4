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
    public static RepCandidate? Next(TeamDefinition team, IReadOnlyList<RepCandidate> eligible, string? lastRepId) =>
        InTurnOrder(team, eligible, lastRepId).FirstOrDefault();

    /// <summary>The eligible reps in turn order, starting after <paramref name="lastRepId"/>.</summary>
    public static IEnumerable<RepCandidate> InTurnOrder(TeamDefinition team, IReadOnlyList<RepCandidate> eligible, string? lastRepId)
    {
        var count = team.Reps.Count;
        if (count == 0 || eligible.Count == 0)
            yield break;

        var start = 0;
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(team.Reps[i].Id, lastRepId, StringComparison.OrdinalIgnoreCase))
            {
                start = i + 1;
                break;
            }
        }

        for (var step = 0; step < count; step++)
        {
            var id = team.Reps[(start + step) % count].Id;
            foreach (var candidate in eligible)
            {
                if (string.Equals(candidate.Id, id, StringComparison.OrdinalIgnoreCase))
                    yield return candidate;
            }
        }
    }
}
