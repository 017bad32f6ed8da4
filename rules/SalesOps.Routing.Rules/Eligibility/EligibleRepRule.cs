using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Eligibility;

/// <summary>A rep no eligibility rule objected to may receive leads.</summary>
[Name(nameof(EligibleRepRule)), Priority(AssignmentRules.EligiblePriority)]
public sealed class EligibleRepRule : Rule
{
    public override void Define()
    {
        RepCandidate rep = null!;

        When()
            .Match(() => rep)
            .Not<Ineligible>(i => i.RepId == rep.Id);
        Then().Yield(_ => new EligibleRep(rep));
    }
}
