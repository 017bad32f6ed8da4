using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Eligibility;

/// <summary>A rep holding their cap of leads awaiting first touch gets no more until they work some.</summary>
[Name(nameof(AtCapacityRule)), Priority(AssignmentRules.EligibilityPriority)]
public sealed class AtCapacityRule : Rule
{
    public override void Define()
    {
        RepCandidate rep = null!;

        When().Match(() => rep, r => r.MaxOpenLeads != null, r => r.OpenLeads >= r.MaxOpenLeads);
        Then().Yield(_ => Objection(rep));
    }

    private static Ineligible Objection(RepCandidate rep) =>
        new(rep.Id, nameof(AtCapacityRule), $"at capacity ({rep.OpenLeads} of {rep.MaxOpenLeads} open leads)");
}
