using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Ownership;

/// <summary>Says in the trace why a duplicate did not go to the earlier lead's owner.</summary>
[Name(nameof(DuplicateOwnerUnavailableRule)), Priority(AssignmentRules.OwnershipPriority)]
public sealed class DuplicateOwnerUnavailableRule : Rule
{
    public override void Define()
    {
        LeadToAssign lead = null!;
        OpenLeadMatch open = null!;

        // The flag keeps the usual lead, which has no open duplicate, out of the join.
        When()
            .Match(() => open)
            .Match(() => lead, l => l.HasOpenLead)
            .Not<RepCandidate>(r => r.Id == open.OwnerRepId && !lead.Excludes(r) && r.Active && !r.OutOfOffice);
        Then().Do(ctx => ctx.TryInsert(new TraceNote(nameof(DuplicateOwnerUnavailableRule),
            $"same e-mail as open lead {open.LeadId}, but its owner {open.OwnerRepId} is inactive, away or gone; distributed normally")));
    }
}
