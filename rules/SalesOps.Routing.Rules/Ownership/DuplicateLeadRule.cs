using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Ownership;

/// <summary>A new lead with the e-mail of an open lead stays with that lead's owner, so one person is not worked by two reps.</summary>
[Name(nameof(DuplicateLeadRule)), Priority(AssignmentRules.OwnershipPriority)]
public sealed class DuplicateLeadRule : Rule
{
    public override void Define()
    {
        LeadToAssign lead = null!;
        OpenLeadMatch open = null!;
        RepCandidate owner = null!;

        // The flag keeps the usual lead, which has no open duplicate, out of the join.
        When()
            .Match(() => open)
            .Match(() => lead, l => l.HasOpenLead)
            .Match(() => owner, r => r.Id == open.OwnerRepId, r => !lead.Excludes(r), r => r.Active, r => !r.OutOfOffice);
        Then().Do(ctx => ctx.TryInsert(new AssignmentChoice(owner, null, nameof(DuplicateLeadRule),
            $"same e-mail as open lead {open.LeadId} of {open.ReceivedAt:yyyy-MM-dd}; kept with its owner",
            AssignmentChoice.Duplicate, Array.Empty<RepCandidate>())));
    }
}
