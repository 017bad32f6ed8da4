using System.Data.Common;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>
/// The real connection factory, except that each log sync waits for the test to let it through
/// before it syncs for real: a test can hold the disk still while it watches what is answered.
/// </summary>
internal sealed class HeldLogSync(IConnectionFactory inner) : IConnectionFactory
{
    private readonly SemaphoreSlim _letThrough = new(0);
    private readonly SemaphoreSlim _began = new(0);
    private volatile bool _held;
    private int _syncs;

    /// <summary>Syncs begun so far.</summary>
    public int Syncs => Volatile.Read(ref _syncs);

    /// <summary>From now on each sync waits for <see cref="LetOneThrough"/> or <see cref="LetAllThrough"/>.</summary>
    public void Hold() => _held = true;

    public void LetOneThrough() => _letThrough.Release();

    public void LetAllThrough()
    {
        _held = false;
        _letThrough.Release(1000);
    }

    /// <summary>Waits until another sync has begun (and is held, when holding).</summary>
    public async Task NextSyncBegunAsync()
    {
        if (!await _began.WaitAsync(TimeSpan.FromSeconds(30)))
            throw new TimeoutException("No log sync began.");
    }

    public bool SyncsLogApart => inner.SyncsLogApart;

    public void SyncLog()
    {
        Interlocked.Increment(ref _syncs);
        _began.Release();
        if (_held && !_letThrough.Wait(TimeSpan.FromSeconds(30)))
            throw new TimeoutException("The test never let the sync through.");
        inner.SyncLog();
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public Task<DbConnection> OpenBetweenCommitsAsync(CancellationToken cancellationToken) => inner.OpenBetweenCommitsAsync(cancellationToken);

    public Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        inner.BeginSnapshotAsync(connection, cancellationToken);

    public Task<DbConnection> OpenProbeAsync(CancellationToken cancellationToken) => inner.OpenProbeAsync(cancellationToken);

    public bool IsUnavailable(Exception exception) => inner.IsUnavailable(exception);
}
