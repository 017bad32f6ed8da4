using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Ingest;

/// <summary>
/// The single writer. Requests evaluate leads concurrently and queue them here; this service
/// gathers whatever is waiting into one transaction (group commit), assigns reps in queue order so
/// two leads can never take the same round-robin turn, commits, and only then completes each
/// request. One fsync is shared by the whole batch.
/// </summary>
internal sealed partial class DecisionWriter : BackgroundService
{
    private readonly ILeadStore _store;
    private readonly IngestOptions _options;
    private readonly ILogger<DecisionWriter> _logger;
    private readonly Channel<PendingLead> _queue;

    public DecisionWriter(ILeadStore store, IOptions<IngestOptions> options, ILogger<DecisionWriter> logger)
    {
        _store = store;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingLead>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Queues the lead and waits until it is committed; throws <see cref="StoreUnavailableException"/> when it cannot be.</summary>
    public async Task<IngestOutcome> SubmitAsync(PendingLead lead, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(lead, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new StoreUnavailableException("The service is shutting down.", ex);
        }

        try
        {
            // Not the request's token: once queued, the lead is committed whether or not the client waits.
            return await lead.Completion.Task.WaitAsync(_options.CommitTimeout, CancellationToken.None);
        }
        catch (TimeoutException ex)
        {
            // Still queued: the writer will skip it, so the 503 is exact. Already in a batch: that commit
            // may still land, and the sender's retry finds it by source and externalId.
            lead.TryAbandon();
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
        var batch = new List<PendingLead>(_options.MaxBatchSize);

        // Drains what is queued even after stop is requested: those requests are waiting for an answer.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var lead))
            {
                if (lead.TryClaim())
                    batch.Add(lead);
            }

            if (batch.Count > 0)
                await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<PendingLead> batch)
    {
        try
        {
            var outcomes = await _store.CommitAsync(batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Completion.TrySetResult(outcomes[i]);
        }
        catch (StoreUnavailableException ex)
        {
            // Locked, unreachable or full: every lead of the batch would fail alike, one by one only slower.
            LogUnavailable(ex, batch.Count);
            foreach (var lead in batch)
                lead.Completion.TrySetException(ex);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One lead the database refuses must not fail its neighbours: commit them one by one.
            LogBatchFailed(ex, batch.Count);
            foreach (var lead in batch)
                await CommitAsync([lead]);
        }
        catch (Exception ex)
        {
            LogLeadFailed(ex, batch[0].LeadId);
            batch[0].Completion.TrySetException(ex as StoreUnavailableException ?? new StoreUnavailableException("The database refused the write.", ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {BatchSize} leads not stored, their posts answer 503")]
    private partial void LogUnavailable(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group commit of {BatchSize} leads failed; retrying them one by one")]
    private partial void LogBatchFailed(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store lead {LeadId}")]
    private partial void LogLeadFailed(Exception exception, string leadId);
}
