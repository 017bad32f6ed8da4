using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Eligibility;

/// <summary>A rep on holiday gets no leads: the first complaint about routing tools is leads sent to reps who are away.</summary>
[Name(nameof(OutOfOfficeRule)), Priority(AssignmentRules.EligibilityPriority)]
public sealed class OutOfOfficeRule : Rule
{
    public override void Define()
    {
        RepCandidate rep = null!;

        When().Match(() => rep, r => r.Active, r => r.OutOfOffice);
        Then().Yield(_ => new Ineligible(rep.Id, nameof(OutOfOfficeRule), Describe(rep)));
    }

    private static string Describe(RepCandidate rep) => rep.OutOfOfficeTo is { } back
        ? $"out of office until {back:yyyy-MM-dd HH:mm} UTC"
        : "out of office";
}
