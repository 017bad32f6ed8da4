using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Ownership;

/// <summary>Says in the trace why a lead of a known account did not go to the account's owner.</summary>
[Name(nameof(AccountOwnerUnavailableRule)), Priority(AssignmentRules.OwnershipPriority)]
public sealed class AccountOwnerUnavailableRule : Rule
{
    public override void Define()
    {
        LeadToAssign lead = null!;
        AccountMatch account = null!;

        // The flag keeps the usual lead, which matches no account, out of the join.
        When()
            .Match(() => account)
            .Match(() => lead, l => l.HasAccount)
            .Not<RepCandidate>(r => r.Id == account.OwnerRepId && !lead.Excludes(r) && r.Active && !r.OutOfOffice);
        Then().Do(ctx => ctx.TryInsert(new TraceNote(nameof(AccountOwnerUnavailableRule),
            $"account {account.Account} is owned by {account.OwnerRepId}, who is inactive, away or gone; distributed normally")));
    }
}
