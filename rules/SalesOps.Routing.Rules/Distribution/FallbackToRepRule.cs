using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Distribution;

/// <summary>When nobody in the team can take the lead, the team's named fallback rep gets it.</summary>
[Name(nameof(FallbackToRepRule)), Priority(AssignmentRules.FallbackPriority)]
public sealed class FallbackToRepRule : Rule
{
    public override void Define()
    {
        LeadToAssign lead = null!;
        RepCandidate fallback = null!;

        // Opens like FallbackToQueueRule so both share the same nodes; a team without a fallback rep
        // matches no rep below.
        When()
            .Match(() => lead)
            .Not<EligibleTeamReps>(e => e.TeamId == lead.Team.Id && e.AnyFor(lead))
            .Not<AssignmentChoice>()
            .Match(() => fallback, r => r.Id == lead.Team.Fallback.RepId, r => !lead.Excludes(r), r => r.Active);
        Then().Do(ctx => ctx.TryInsert(new AssignmentChoice(fallback, null, nameof(FallbackToRepRule),
            $"no rep of {lead.Team.Id} is eligible; team fallback", AssignmentChoice.Fallback, Array.Empty<RepCandidate>())));
    }
}
