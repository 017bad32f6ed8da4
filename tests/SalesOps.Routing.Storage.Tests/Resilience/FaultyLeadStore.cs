using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Storage.Tests.Resilience;

/// <summary>
/// A real store that suffers the given faults on its first commits: before the transaction runs, or
/// after it committed (the answer lost on the way back, as when a failover cuts the connection).
/// </summary>
internal sealed class FaultyLeadStore(ILeadStore inner, bool failAfterCommit, params Exception[] faults) : ILeadStore
{
    private readonly Queue<Exception> _faults = new(faults);

    public int Commits { get; private set; }

    public int Pings { get; private set; }

    public async Task<IReadOnlyList<IngestOutcome>> CommitAsync(IReadOnlyList<PendingLead> batch, IReadOnlyList<QueuedChange> changes, CancellationToken cancellationToken)
    {
        Commits++;
        if (!_faults.TryDequeue(out var fault))
            return await inner.CommitAsync(batch, changes, cancellationToken);
        if (failAfterCommit)
            await inner.CommitAsync(batch, changes, cancellationToken);
        throw fault;
    }

    public Task RehearseAsync(IReadOnlyList<PendingLead> batch, CancellationToken cancellationToken) => inner.RehearseAsync(batch, cancellationToken);

    public Task<LeadRecord?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<LeadRecord?> FindAsync(string source, string externalId, CancellationToken cancellationToken) =>
        inner.FindAsync(source, externalId, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken)
    {
        Pings++;
        return _faults.TryDequeue(out var fault) ? Task.FromException(fault) : inner.PingAsync(cancellationToken);
    }
}
