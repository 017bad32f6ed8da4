using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Eligibility;

/// <summary>A rep who has had their daily allowance of new leads (rep-local day) gets no more today.</summary>
[Name(nameof(DailyLimitRule)), Priority(AssignmentRules.EligibilityPriority)]
public sealed class DailyLimitRule : Rule
{
    public override void Define()
    {
        RepCandidate rep = null!;

        When().Match(() => rep, r => r.MaxLeadsPerDay != null, r => r.AssignedToday >= r.MaxLeadsPerDay);
        Then().Yield(_ => Objection(rep));
    }

    private static Ineligible Objection(RepCandidate rep) =>
        new(rep.Id, nameof(DailyLimitRule), $"daily limit reached ({rep.AssignedToday} of {rep.MaxLeadsPerDay} today)");
}
