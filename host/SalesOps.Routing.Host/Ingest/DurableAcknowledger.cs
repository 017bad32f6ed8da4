using System.Diagnostics;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Ingest;

/// <summary>
/// Answers the requests of committed batches once what they wrote has reached the disk. The
/// group-commit writers commit without waiting for the disk (<see cref="IConnectionFactory.SyncLog"/>)
/// and go on to their next batch, while one sync here covers every batch committed in the
/// meantime: the log's fsync overlaps the next batch's work instead of holding up the writer. A
/// batch is answered only after a sync that began after its commit has returned, so nothing
/// acknowledged is lost in a power cut; what a later batch decided from an earlier one's rows is
/// answered no sooner than that earlier batch. Where commits are durable by themselves
/// (<see cref="IConnectionFactory.SyncsLogApart"/> false) each batch is answered at once.
/// </summary>
internal sealed partial class DurableAcknowledger(
    IConnectionFactory connections, GroupCommitMetrics metrics, IHostApplicationLifetime lifetime, ILogger<DurableAcknowledger> logger)
{
    private readonly Lock _gate = new();
    private List<Committed> _waiting = [];
    private Task _syncing = Task.CompletedTask;

    // Set and cleared under the lock; the task's own completion comes a moment after the loop has
    // found nothing waiting, too late for a batch handed over in that moment to rely on it.
    private bool _syncRunning;

    /// <summary>Runs <paramref name="answer"/> once the batch committed just now is durable, or <paramref name="fail"/> when it cannot be made so.</summary>
    public void AfterSync(Action answer, Action<StoreUnavailableException> fail)
    {
        if (!connections.SyncsLogApart)
        {
            answer();
            return;
        }

        lock (_gate)
        {
            _waiting.Add(new Committed(answer, fail));
            if (_syncRunning)
                return;
            _syncRunning = true;
            _syncing = Task.Run(SyncWhileWaiting);
        }
    }

    /// <summary>Completes once every batch handed over so far has been answered.</summary>
    public Task DrainAsync()
    {
        lock (_gate)
            return _syncing;
    }

    // One sync at a time, on a thread of its own while there is work: fsync blocks.
    private void SyncWhileWaiting()
    {
        while (true)
        {
            List<Committed> round;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _syncRunning = false;
                    return;
                }

                round = _waiting;
                _waiting = [];
            }

            if (Sync(round.Count) is { } failure)
                round.ForEach(batch => batch.Fail(failure));
            else
                round.ForEach(batch => batch.Answer());
        }
    }

    // Null once the log is on disk; otherwise why it is not.
    private StoreUnavailableException? Sync(int batches)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            connections.SyncLog();
            return null;
        }
        catch (Exception ex)
        {
            // After a failed fsync the kernel may have dropped the pages it could not write and report
            // the next fsync clean, so no later sync can vouch for these batches or any other: stop,
            // and let the restart recover from what the disk holds. The senders retry by source and externalId.
            LogSyncFailed(ex, batches);
            lifetime.StopApplication();
            return new StoreUnavailableException("The database could not make the write durable.", ex);
        }
        finally
        {
            // Wall time, as the writer's: a batch is answered after this sync and the one running when it committed.
            metrics.Synced(Stopwatch.GetElapsedTime(started));
        }
    }

    private sealed record Committed(Action Answer, Action<StoreUnavailableException> Fail);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The database log could not be synced to disk: {Batches} committed batches answer 503 and the service stops")]
    private partial void LogSyncFailed(Exception exception, int batches);
}
