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

        When().Match(() => rep, r => r.InTeam, r => r.MaxOpenLeads != null, r => r.State.OpenLeads >= r.MaxOpenLeads);
        Then().Do(ctx => ctx.TryInsert(new Ineligible(rep.Id, nameof(AtCapacityRule),
            $"at capacity ({rep.State.OpenLeads} of {rep.MaxOpenLeads} open leads)")));
    }
}
