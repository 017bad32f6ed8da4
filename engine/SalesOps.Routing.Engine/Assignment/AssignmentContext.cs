using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>What the store knows about one lead that assignment needs: the instant, matching accounts and an open duplicate.</summary>
/// <param name="Now">Decision instant.</param>
/// <param name="Accounts">Known accounts the lead matches.</param>
/// <param name="OpenLead">An open lead with the same e-mail from the duplicate window, if any.</param>
/// <param name="ExcludedRepId">A rep who must not get the lead (the current owner, when reassigning).</param>
public sealed record AssignmentContext(
    DateTimeOffset Now,
    IReadOnlyList<AccountMatch> Accounts,
    OpenLeadMatch? OpenLead = null,
    string? ExcludedRepId = null);
