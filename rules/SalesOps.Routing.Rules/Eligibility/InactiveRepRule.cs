using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Eligibility;

/// <summary>A deactivated rep (left, on leave) takes no new leads.</summary>
[Name(nameof(InactiveRepRule)), Priority(AssignmentRules.EligibilityPriority)]
public sealed class InactiveRepRule : Rule
{
    public override void Define()
    {
        RepCandidate rep = null!;

        When().Match(() => rep, r => !r.Active);
        Then().Yield(_ => new Ineligible(rep.Id, nameof(InactiveRepRule), "inactive"));
    }
}
