using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>
/// Fact: the qualified lead waiting for an owner, the team routing chose, the decision instant and
/// the routing state the decision reads and advances. The state travels with the lead rather than
/// as a fact of its own: every rule that distributes needs both, and each join a lead passes through
/// costs the rule network work and memory on every decision.
/// </summary>
/// <param name="Lead">The normalized lead.</param>
/// <param name="Team">The routed team.</param>
/// <param name="Now">When the decision is made.</param>
/// <param name="State">Rotation and rep state inside the current transaction, read to pick a rep fairly.</param>
/// <param name="ExcludedRepId">A rep who must not get the lead (the current owner, when reassigning).</param>
public sealed record LeadToAssign(LeadFacts Lead, TeamDefinition Team, DateTimeOffset Now, RoutingState State, string? ExcludedRepId = null)
{
    /// <summary>
    /// True when the store matched the lead to a known account (inserted beside it as an
    /// <see cref="AccountMatch"/>). The ownership rules test it first, so the usual lead, with no
    /// account, stops there and never enters their joins.
    /// </summary>
    public bool HasAccount { get; init; }

    /// <summary>True when an open lead with the same e-mail was found (inserted beside it as an <see cref="OpenLeadMatch"/>).</summary>
    public bool HasOpenLead { get; init; }

    /// <summary>True for the rep the lead is being reassigned away from: never chosen again for it.</summary>
    public bool Excludes(RepCandidate rep) => string.Equals(rep.Id, ExcludedRepId, StringComparison.OrdinalIgnoreCase);
}
