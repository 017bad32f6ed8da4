namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Turns at the database's write lock among this process's two busy writers, the lead writer's group
/// commits and the SLA sweep's batches, handed over in the order they were asked for. On SQLite a
/// writer that finds the lock taken polls for it, sleeping up to 100 ms between tries, while a sweep
/// of thousands of due clocks retakes the lock batch after batch: posts waited seconds during a storm
/// of breaches (p99 3.3 s at 100 posts/s). Asking here first, a writer waits at most for the batch
/// that holds the lock. Other processes, and SQL Server's own lock queue, are unaffected.
/// </summary>
internal sealed class WriteTurns
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this process's turn at the write lock; disposing the turn hands it to the next in line.</summary>
    public async Task<Turn> TakeAsync(CancellationToken cancellationToken)
    {
        // SemaphoreSlim hands a release to the longest-waiting asynchronous waiter, so turns go in order.
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    /// <summary>A turn at the write lock, held until disposed.</summary>
    public readonly struct Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
