using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Where leads and their decisions are kept. One implementation per SQL dialect.</summary>
internal interface ILeadStore
{
    /// <summary>
    /// Decides the rep for each pending lead and stores lead, decision, assignment and rotation in one
    /// transaction. A lead whose source and external id are already stored is not decided again: its
    /// stored record is returned instead.
    /// </summary>
    Task<IReadOnlyList<IngestOutcome>> CommitAsync(IReadOnlyList<PendingLead> batch, CancellationToken cancellationToken) =>
        CommitAsync(batch, [], cancellationToken);

    /// <summary>
    /// As <see cref="CommitAsync(IReadOnlyList{PendingLead}, CancellationToken)"/>, first running each change in the same
    /// transaction, each inside a savepoint so a refused change writes nothing. A change that throws fails the whole batch.
    /// </summary>
    Task<IReadOnlyList<IngestOutcome>> CommitAsync(IReadOnlyList<PendingLead> batch, IReadOnlyList<QueuedChange> changes, CancellationToken cancellationToken);

    /// <summary>
    /// Does all a commit of <paramref name="batch"/> does (lookups, decisions, every row) and rolls it
    /// back: nothing is stored and no routing state moves. Run before the host takes traffic, so the
    /// writer's code is compiled and optimized before the first real batch waits on it.
    /// </summary>
    Task RehearseAsync(IReadOnlyList<PendingLead> batch, CancellationToken cancellationToken);

    Task<LeadRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task<LeadRecord?> FindAsync(string source, string externalId, CancellationToken cancellationToken);

    /// <summary>Throws unless the database can take a write now (it begins and rolls back a write transaction).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
