using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

/// <summary>
/// Reads what a lead's page answers with: the decision as made, where the lead stands now and its
/// SLA clocks, in one snapshot. A breach or an ops reassignment committed meanwhile shows in all
/// three or in none, never as a new owner beside the old owner's running clock.
/// </summary>
internal sealed class LeadSnapshotReader(IConnectionFactory connections, StoreRetry retry, LeadStore leads, LeadHistoryReader history, SlaTimerService timers)
{
    public Task<LeadSnapshot?> ReadAsync(string leadId, CancellationToken cancellationToken) =>
        retry.RunAsync(token => ReadOnceAsync(leadId, token), cancellationToken);

    private async Task<LeadSnapshot?> ReadOnceAsync(string leadId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connections.BeginSnapshotAsync(connection, cancellationToken);
        var record = await leads.GetAsync(connection, transaction, leadId, cancellationToken);
        var now = record is null ? null : await history.ReadAsync(connection, transaction, leadId, cancellationToken);
        if (record is null || now is null)
            return null;
        return new LeadSnapshot(record, now, await timers.ForLeadAsync(connection, transaction, leadId, cancellationToken));
    }
}
