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
        DistributionContext context = null!;
        IEnumerable<EligibleRep> eligible = null!;

        When()
            .Match(() => lead)
            .Match(() => context)
            .Not<AssignmentChoice>(c => c.Precedence > AssignmentChoice.Distribution)
            .Query(() => eligible, q => q.Match<EligibleRep>(e => lead.HasInTeam(e.Candidate)).Collect().Where(all => all.Any()));
        Then().Do(ctx => Distribute(ctx, lead, context, eligible));
    }

    private static void Distribute(IContext ctx, LeadToAssign lead, DistributionContext context, IEnumerable<EligibleRep> eligible)
    {
        var candidates = eligible.Select(e => e.Candidate).OrderBy(c => c.Order).ToList();
        if (Distributor.Pick(lead.Team, candidates, context.State) is { } pick)
            ctx.TryInsert(new AssignmentChoice(pick.Rep, null, lead.Team.Distribution, pick.Reason, AssignmentChoice.Distribution, candidates));
    }
}
