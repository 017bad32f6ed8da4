using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Distribution;

namespace SalesOps.Routing.Rules.Distribution;

/// <summary>
/// When no owner claims the lead, the team's distribution method picks among the team's eligible
/// reps. Its choice goes to the <see cref="IChoiceRecorder"/>, not into the session: it is the last
/// word for a lead that has eligible reps (the fallback rules wait for none), so inserting and
/// retracting it would only cost every lead two more trips through the rule network.
/// </summary>
[Name(nameof(DistributeRule)), Priority(AssignmentRules.DistributionPriority)]
public sealed class DistributeRule : Rule
{
    public override void Define()
    {
        LeadToAssign lead = null!;
        EligibleTeamReps eligible = null!;
        IChoiceRecorder choices = null!;

        Dependency().Resolve(() => choices);
        When()
            .Match(() => lead)
            .Not<AssignmentChoice>(c => c.Precedence > AssignmentChoice.Distribution)
            .Match(() => eligible, e => e.TeamId == lead.Team.Id, e => e.AnyFor(lead));
        Then().Do(_ => Distribute(choices, lead, eligible));
    }

    private static void Distribute(IChoiceRecorder choices, LeadToAssign lead, EligibleTeamReps eligible)
    {
        var candidates = eligible.For(lead);
        if (Distributor.Pick(lead.Team, candidates, lead.State) is { } pick)
            choices.Record(new AssignmentChoice(pick.Rep, null, lead.Team.Distribution, pick.Reason, AssignmentChoice.Distribution, candidates));
    }
}
