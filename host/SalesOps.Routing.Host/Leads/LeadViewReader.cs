using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

/// <summary>
/// Reads what a lead's page answers with: the decision as made, where the lead stands now and its
/// SLA clocks, in one snapshot. A breach or an ops reassignment committed meanwhile shows in all
/// three or in none, never as a new owner beside the old owner's running clock.
/// </summary>
internal sealed class LeadViewReader(IConnectionFactory connections, StoreRetry retry, LeadStore leads, LeadHistoryReader history, SlaTimerService timers)
{
    public Task<LeadView?> ReadAsync(string leadId, CancellationToken cancellationToken) =>
        retry.RunAsync(token => ReadOnceAsync(leadId, token), cancellationToken);

    private async Task<LeadView?> ReadOnceAsync(string leadId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var snapshot = await connections.BeginSnapshotAsync(connection, cancellationToken);
        var record = await leads.GetAsync(connection, snapshot, leadId, cancellationToken);
        var now = record is null ? null : await history.ReadAsync(connection, snapshot, leadId, cancellationToken);
        if (record is null || now is null)
            return null;
        return new LeadView(record, now, await timers.ForLeadAsync(connection, snapshot, leadId, cancellationToken));
    }
}
