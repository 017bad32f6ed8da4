using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// What the writer reads before deciding a batch, fetched with one query per kind instead of one per
/// lead: leads already stored under the batch's keys, accounts matching its domains and company
/// names, and open leads with its e-mail addresses.
/// </summary>
internal sealed class BatchLookups
{
    public Dictionary<(string Source, string ExternalId), string> ExistingIds { get; } = [];

    public Dictionary<string, AccountRow> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The newest open lead per e-mail address within the duplicate window.</summary>
    public Dictionary<string, OpenLeadMatch> OpenLeads { get; } = new(StringComparer.Ordinal);

    public void AddOpenLead(string email, OpenLeadMatch match)
    {
        if (!OpenLeads.TryGetValue(email, out var known) || match.ReceivedAt > known.ReceivedAt)
            OpenLeads[email] = match;
    }
}
