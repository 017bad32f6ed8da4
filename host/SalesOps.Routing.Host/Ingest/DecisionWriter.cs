using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Ingest;

/// <summary>
/// The single writer. Requests evaluate leads concurrently and queue them here; this service
/// gathers whatever is waiting into one transaction (group commit), assigns reps in queue order so
/// two leads can never take the same round-robin turn, commits, and completes each request once
/// the commit is durable (<see cref="DurableAcknowledger"/>): one fsync is shared by the whole
/// batch, or by every batch committed while the last one ran. Status changes and touches queue here too
/// (<see cref="ChangeAsync"/>) and run in the same transaction, before the batch's leads.
/// </summary>
internal sealed partial class DecisionWriter : BackgroundService
{
    private readonly ILeadStore _store;
    private readonly IngestOptions _options;
    private readonly GroupCommitMetrics _metrics;
    private readonly DurableAcknowledger _acknowledger;
    private readonly ILogger<DecisionWriter> _logger;
    private readonly Channel<IQueuedWrite> _queue;
    private readonly WriteTurns _turns;

    public DecisionWriter(ILeadStore store, IOptions<IngestOptions> options, GroupCommitMetrics metrics, DurableAcknowledger acknowledger,
        WriteTurns turns, ILogger<DecisionWriter> logger)
    {
        _store = store;
        _turns = turns;
        _options = options.Value;
        _metrics = metrics;
        _acknowledger = acknowledger;
        _logger = logger;
        _queue = Channel.CreateBounded<IQueuedWrite>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Queues the lead and waits until it is committed; throws <see cref="StoreUnavailableException"/> when it cannot be.</summary>
    public Task<IngestOutcome> SubmitAsync(PendingLead lead, CancellationToken cancellationToken) =>
        EnqueueAndWaitAsync(lead, lead.Completion.Task, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in the next group commit and answers once that has committed;
    /// throws <see cref="StoreUnavailableException"/> when it cannot be. A refused change
    /// (<see cref="ChangeResult{T}.Undone"/>) is answered too, with nothing of it written.
    /// </summary>
    public Task<T> ChangeAsync<T>(Func<WriteScope, CancellationToken, Task<ChangeResult<T>>> work, CancellationToken cancellationToken)
    {
        var change = new QueuedChange<T>(work);
        return EnqueueAndWaitAsync(change, change.Completion, cancellationToken);
    }

    private async Task<T> EnqueueAndWaitAsync<T>(IQueuedWrite item, Task<T> completion, CancellationToken cancellationToken)
    {
        try
        {
            item.QueuedAt = Stopwatch.GetTimestamp();
            await _queue.Writer.WriteAsync(item, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new StoreUnavailableException("The service is shutting down.", ex);
        }

        try
        {
            // Not the request's token: once queued, the item is committed whether or not the client waits.
            return await completion.WaitAsync(_options.CommitTimeout, CancellationToken.None);
        }
        catch (TimeoutException ex)
        {
            // Still queued: the writer will skip it, so the 503 is exact. Already in a batch: that commit
            // may still land, and the sender's retry finds it by source and externalId.
            item.TryAbandon();
            throw new StoreUnavailableException("The database did not confirm the write in time.", ex);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var leads = new List<PendingLead>(_options.MaxBatchSize);
        var changes = new List<QueuedChange>();

        // Drains what is queued even after stop is requested: those requests are waiting for an answer.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            leads.Clear();
            changes.Clear();

            // One clock read for the batch, not one per item: this loop is the writer's, which every lead waits for.
            var takenAt = Stopwatch.GetTimestamp();
            while (leads.Count + changes.Count < _options.MaxBatchSize && reader.TryRead(out var item))
            {
                if (!item.TryClaim())
                    continue;
                _metrics.Waited(Stopwatch.GetElapsedTime(item.QueuedAt, takenAt));
                if (item is PendingLead lead)
                    leads.Add(lead);
                else
                    changes.Add((QueuedChange)item);
            }

            if (leads.Count + changes.Count == 0)
                continue;
            // Wall time, not the service clock: this measures the writer, and tests move the service clock.
            var started = Stopwatch.GetTimestamp();
            await CommitAsync(leads, changes);
            _metrics.Committed(leads.Count + changes.Count, reader.Count, Stopwatch.GetElapsedTime(started));
        }

        await _acknowledger.DrainAsync();
    }

    private async Task CommitAsync(List<PendingLead> leads, List<QueuedChange> changes)
    {
        try
        {
            IReadOnlyList<IngestOutcome> outcomes;
            using (await _turns.TakeAsync(CancellationToken.None))
                outcomes = await _store.CommitAsync(leads, changes, CancellationToken.None);
            // Copies: the loop refills its lists with the next batch while this one waits for the disk.
            PendingLead[] committedLeads = [.. leads];
            QueuedChange[] committedChanges = [.. changes];
            _acknowledger.AfterSync(
                () => Answer(committedLeads, outcomes, committedChanges),
                failure => Fail(committedLeads, committedChanges, failure));
        }
        catch (StoreUnavailableException ex)
        {
            // Locked, unreachable or full: every item of the batch would fail alike, one by one only slower.
            LogUnavailable(ex, leads.Count + changes.Count);
            Fail(leads, changes, ex);
        }
        catch (Exception ex) when (leads.Count + changes.Count > 1)
        {
            // One item the database refuses must not fail its neighbours: commit them one by one.
            LogBatchFailed(ex, leads.Count + changes.Count);
            foreach (var lead in leads)
                await CommitAsync([lead], []);
            foreach (var change in changes)
                await CommitAsync([], [change]);
        }
        catch (Exception ex)
        {
            var failure = ex as StoreUnavailableException ?? new StoreUnavailableException("The database refused the write.", ex);
            if (leads.Count == 1)
            {
                LogLeadFailed(ex, leads[0].LeadId);
                leads[0].Completion.TrySetException(failure);
            }
            else
            {
                LogChangeFailed(ex);
                changes[0].Fail(failure);
            }
        }
    }

    private static void Answer(PendingLead[] leads, IReadOnlyList<IngestOutcome> outcomes, QueuedChange[] changes)
    {
        for (var i = 0; i < leads.Length; i++)
            leads[i].Completion.TrySetResult(outcomes[i]);
        foreach (var change in changes)
            change.Complete();
    }

    private static void Fail(IReadOnlyList<PendingLead> leads, IReadOnlyList<QueuedChange> changes, Exception failure)
    {
        foreach (var lead in leads)
            lead.Completion.TrySetException(failure);
        foreach (var change in changes)
            change.Fail(failure);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {BatchSize} leads and changes not stored, their requests answer 503")]
    private partial void LogUnavailable(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group commit of {BatchSize} leads and changes failed; retrying them one by one")]
    private partial void LogBatchFailed(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store lead {LeadId}")]
    private partial void LogLeadFailed(Exception exception, string leadId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store a status change or touch")]
    private partial void LogChangeFailed(Exception exception);
}
