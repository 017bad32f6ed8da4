using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Rules.Eligibility;

/// <summary>Gathers each team's eligible reps, so distribution and fallback read one fact per lead.</summary>
[Name(nameof(EligibleTeamRepsRule)), Priority(AssignmentRules.TeamPriority)]
public sealed class EligibleTeamRepsRule : Rule
{
    public override void Define()
    {
        TeamDefinition team = null!;
        IEnumerable<EligibleRep> eligible = null!;

        When()
            .Match(() => team)
            .Query(() => eligible, q => q.Match<EligibleRep>(e => e.Candidate.TeamId == team.Id).Collect());
        Then().Yield(_ => EligibleTeamReps.Of(team, eligible));
    }
}
