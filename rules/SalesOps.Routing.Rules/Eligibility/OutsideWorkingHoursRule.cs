using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Eligibility;

/// <summary>A rep takes leads only inside their working hours, in their own time zone.</summary>
[Name(nameof(OutsideWorkingHoursRule)), Priority(AssignmentRules.EligibilityPriority)]
public sealed class OutsideWorkingHoursRule : Rule
{
    public override void Define()
    {
        RepCandidate rep = null!;

        When().Match(() => rep, r => r.Active, r => !r.OutOfOffice, r => !r.InWorkingHours);
        Then().Yield(_ => Objection(rep));
    }

    private static Ineligible Objection(RepCandidate rep) =>
        new(rep.Id, nameof(OutsideWorkingHoursRule), $"outside working hours ({rep.Rep.WorkingHours} {rep.Rep.Zone.Id})");
}
