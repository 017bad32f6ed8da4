using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Reruns a store operation after a transient fault. A group commit is rerun whole: a failed
/// attempt committed nothing, and the rerun looks every lead up again inside its own transaction,
/// so a lead is stored once even when the first attempt's commit reached the server but its answer
/// did not. Health checks are not retried: they must report the database as it is.
/// </summary>
internal sealed class ResilientLeadStore(ILeadStore inner, StoreRetry retry) : ILeadStore
{
    public Task<IReadOnlyList<IngestOutcome>> CommitAsync(IReadOnlyList<PendingLead> batch, IReadOnlyList<QueuedChange> changes, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.CommitAsync(batch, changes, token), cancellationToken);

    // Not retried: a rehearsal that fails costs only its warm-up.
    public Task RehearseAsync(IReadOnlyList<PendingLead> batch, CancellationToken cancellationToken) => inner.RehearseAsync(batch, cancellationToken);

    public Task<LeadRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.GetAsync(id, token), cancellationToken);

    public Task<LeadRecord?> FindAsync(string source, string externalId, CancellationToken cancellationToken) =>
        retry.RunAsync(token => inner.FindAsync(source, externalId, token), cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
}
