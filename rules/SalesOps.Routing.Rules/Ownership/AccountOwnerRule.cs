using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Rules.Ownership;

/// <summary>A lead from a known account goes to the account's owner when the owner is active and not away.</summary>
[Name(nameof(AccountOwnerRule)), Priority(AssignmentRules.OwnershipPriority)]
public sealed class AccountOwnerRule : Rule
{
    public override void Define()
    {
        LeadToAssign lead = null!;
        AccountMatch account = null!;
        RepCandidate owner = null!;

        // The flag keeps the usual lead, which matches no account, out of the join.
        When()
            .Match(() => account)
            .Match(() => lead, l => l.HasAccount)
            .Match(() => owner, r => r.Id == account.OwnerRepId, r => !lead.Excludes(r), r => r.Active, r => !r.OutOfOffice);
        Then().Do(ctx => ctx.TryInsert(new AssignmentChoice(owner, null, nameof(AccountOwnerRule),
            $"owner of account {account.Account} (matched by {account.MatchedBy})",
            AssignmentChoice.Account, Array.Empty<RepCandidate>())));
    }
}
