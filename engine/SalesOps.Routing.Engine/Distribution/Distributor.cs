using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Distribution;

/// <summary>Applies a team's distribution method to the reps that are eligible for one lead.</summary>
public static class Distributor
{
    /// <summary>Chooses among <paramref name="eligible"/> by the team's method; null when nobody is eligible.</summary>
    public static (RepCandidate Rep, string Reason)? Pick(TeamDefinition team, IReadOnlyList<RepCandidate> eligible, RoutingState state)
    {
        var lastRepId = state.LastRepOf(team.Id);
        var chosen = team.Distribution switch
        {
            Distributions.Weighted => WeightedRoundRobin.Pick(RoundRobin.InTurnOrder(team, eligible, lastRepId), state),
            Distributions.LeastLoaded => LeastLoaded.Pick(RoundRobin.InTurnOrder(team, eligible, lastRepId)),
            _ => RoundRobin.Next(team, eligible, lastRepId),
        };
        if (chosen is null)
            return null;

        var reason = team.Distribution switch
        {
            Distributions.Weighted => $"weight {chosen.Weight} of {eligible.Sum(c => c.Weight)} among {eligible.Count} eligible",
            Distributions.LeastLoaded => $"fewest open leads ({chosen.OpenLeads}) among {eligible.Count} eligible",
            _ => $"next in turn among {eligible.Count} eligible",
        };
        return (chosen, reason);
    }

    /// <summary>Records a distribution turn so the next lead continues from here.</summary>
    public static void Settle(TeamDefinition team, AssignmentChoice choice, RoutingState state)
    {
        if (choice.Rep is null)
            return;
        if (team.Distribution == Distributions.Weighted)
            WeightedRoundRobin.Settle(choice.Eligible, choice.Rep, state);
        state.Advance(team.Id, choice.Rep.Id);
    }
}
