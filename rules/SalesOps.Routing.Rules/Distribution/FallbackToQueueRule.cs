using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Distribution;

/// <summary>When nobody can take the lead and there is no usable fallback rep, it waits in the team's queue: never dropped.</summary>
[Name(nameof(FallbackToQueueRule)), Priority(AssignmentRules.FallbackPriority)]
public sealed class FallbackToQueueRule : Rule
{
    public override void Define()
    {
        LeadToAssign lead = null!;

        // Eligible reps first: the usual lead has some, so it stops at this test. The choice tested
        // next can only be an owner's: distribution records its own outside the session.
        When()
            .Match(() => lead)
            .Not<EligibleTeamReps>(e => e.TeamId == lead.Team.Id && e.AnyFor(lead))
            .Not<AssignmentChoice>()
            .Not<RepCandidate>(r => r.Id == lead.Team.Fallback.RepId && !lead.Excludes(r) && r.Active);
        Then().Do(ctx => ctx.TryInsert(new AssignmentChoice(null, lead.Team.Fallback.Queue, nameof(FallbackToQueueRule),
            $"no rep of {lead.Team.Id} is eligible; waiting in queue '{lead.Team.Fallback.Queue}'",
            AssignmentChoice.Fallback, Array.Empty<RepCandidate>())));
    }
}
