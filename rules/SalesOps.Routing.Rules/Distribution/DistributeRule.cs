using NRules.Fluent.Dsl;
using NRules.RuleModel;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Distribution;

namespace SalesOps.Routing.Rules.Distribution;

/// <summary>When no owner claims the lead, the team's distribution method picks among the team's eligible reps.</summary>
[Name(nameof(DistributeRule)), Priority(AssignmentRules.DistributionPriority)]
public sealed class DistributeRule : Rule
{
    public override void Define()
    {
        LeadToAssign lead = null!;
        EligibleTeamReps eligible = null!;

        When()
            .Match(() => lead)
            .Not<AssignmentChoice>(c => c.Precedence > AssignmentChoice.Distribution)
            .Match(() => eligible, e => e.TeamId == lead.Team.Id, e => e.AnyFor(lead));
        Then().Do(ctx => Distribute(ctx, lead, eligible));
    }

    private static void Distribute(IContext ctx, LeadToAssign lead, EligibleTeamReps eligible)
    {
        var candidates = eligible.For(lead);
        if (Distributor.Pick(lead.Team, candidates, lead.State) is { } pick)
            ctx.TryInsert(new AssignmentChoice(pick.Rep, null, lead.Team.Distribution, pick.Reason, AssignmentChoice.Distribution, candidates));
    }
}
