using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Distribution;

/// <summary>
/// Round robin keyed on the last rep served rather than on a numeric position, so adding or removing
/// a rep from the team does not shift everyone else's turn.
/// </summary>
public static class RoundRobin
{
    /// <summary>The rep after <paramref name="lastRepId"/> in the team's order; the first rep when there is no last one.</summary>
    public static RepDefinition? Next(TeamDefinition team, string? lastRepId)
    {
        var reps = team.Reps;
        if (reps.Count == 0)
            return null;
        for (var i = 0; i < reps.Count; i++)
        {
            if (string.Equals(reps[i].Id, lastRepId, StringComparison.OrdinalIgnoreCase))
                return reps[(i + 1) % reps.Count];
        }

        return reps[0];
    }
}
