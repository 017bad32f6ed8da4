using NRules.RuleModel;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>
/// Fact inferred per team: the team's eligible reps in rotation order. It stands between leads and
/// changes only when a rep's eligibility does, so a lead joins one fact for its team instead of
/// collecting every eligible rep of the organisation again.
/// </summary>
/// <param name="Team">The team.</param>
/// <param name="Reps">Its eligible reps, in the team's order.</param>
public sealed record EligibleTeamReps(TeamDefinition Team, IReadOnlyList<RepCandidate> Reps) : IIdentityProvider
{
    /// <summary>The team's id.</summary>
    public string TeamId => Team.Id;

    /// <summary>True when a rep other than the one <paramref name="lead"/> excludes is eligible.</summary>
    public bool AnyFor(LeadToAssign lead)
    {
        foreach (var rep in Reps)
        {
            if (!lead.Excludes(rep))
                return true;
        }

        return false;
    }

    /// <summary>The eligible reps who may get <paramref name="lead"/>, in the team's order.</summary>
    public IReadOnlyList<RepCandidate> For(LeadToAssign lead) =>
        lead.ExcludedRepId is null ? Reps : [.. Reps.Where(rep => !lead.Excludes(rep))];

    /// <summary>Orders collected reps the way the team lists them.</summary>
    public static EligibleTeamReps Of(TeamDefinition team, IEnumerable<EligibleRep> eligible)
    {
        var reps = eligible.Select(e => e.Candidate).ToArray();
        Array.Sort(reps, (a, b) => a.Order.CompareTo(b.Order));
        return new EligibleTeamReps(team, reps);
    }

    // One fact per team, updated in place as its reps' eligibility changes.
    object IIdentityProvider.GetIdentity() => Team.Id;
}
