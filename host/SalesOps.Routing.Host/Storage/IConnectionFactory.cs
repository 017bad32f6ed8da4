using System.Data.Common;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Opens connections to the routing database, configured for this service's needs.</summary>
internal interface IConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection for the group-commit writer, opened between two of its transactions: the one moment
    /// no write is in progress, which the embedded database uses to start its write-ahead log over.
    /// </summary>
    Task<DbConnection> OpenBetweenCommitsAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>
    /// Whether commits on a connection from <see cref="OpenBetweenCommitsAsync"/> leave their fsync to
    /// <see cref="SyncLog"/>. False where a commit is durable by itself (SQL Server, or SQLite with the
    /// log synced at commit): its batches are answered as soon as they commit.
    /// </summary>
    bool SyncsLogApart => false;

    /// <summary>
    /// Blocks until every transaction committed so far on a connection from <see cref="OpenBetweenCommitsAsync"/>
    /// has reached the disk. Nothing to do unless <see cref="SyncsLogApart"/>.
    /// </summary>
    void SyncLog()
    {
    }

    /// <summary>
    /// Begins a transaction on <paramref name="connection"/> that only reads, and in which every
    /// statement sees the database as its first read did: the several reads behind one answer (a
    /// lead's decision, where it stands now, its clocks) cannot fall on both sides of a commit.
    /// </summary>
    Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A connection for health checks: it gives up on a held lock sooner than a write would.</summary>
    Task<DbConnection> OpenProbeAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>
    /// Whether the error says the database is busy, out of reach or full rather than that the data
    /// is at fault: the caller answers 503 and a retry later can succeed.
    /// </summary>
    bool IsUnavailable(Exception exception) => exception is DbException { IsTransient: true };
}
