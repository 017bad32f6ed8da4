using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Eligibility;

/// <summary>A team rep no eligibility rule objected to may receive the lead.</summary>
[Name(nameof(EligibleRepRule)), Priority(AssignmentRules.EligiblePriority)]
public sealed class EligibleRepRule : Rule
{
    public override void Define()
    {
        RepCandidate rep = null!;

        When()
            .Match(() => rep, r => r.InTeam)
            .Not<Ineligible>(i => i.RepId == rep.Id);
        Then().Do(ctx => ctx.TryInsert(new EligibleRep(rep)));
    }
}
