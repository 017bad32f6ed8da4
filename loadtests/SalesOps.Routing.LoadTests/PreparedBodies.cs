using System.Threading.Channels;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// One phase's lead bodies, generated before its clock starts: at thousands of requests a second,
/// generating and serializing leads on the issuing loop took the runner as much CPU as the host used,
/// on the same cores. Up to <see cref="DefaultAhead"/> bodies are ready before the phase begins (every
/// body of any phase up to that size); a longer phase's producer stays that far ahead on its own
/// thread, so memory stays bounded whatever the phase's length.
/// </summary>
internal sealed class PreparedBodies : IAsyncDisposable
{
    /// <summary>
    /// About 115 MB of leads (~430 bytes each): 50 s at 5,000/s, or a ramp step up to 50,000/s, prepared in
    /// full. A faster step makes the rest while it runs, on the same cores (at 52,940/s about 6 % of its bodies).
    /// </summary>
    public const int DefaultAhead = 250_000;

    private readonly LeadGenerator _leads;
    private readonly string _runId;
    private readonly Channel<byte[]> _bodies;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;

    private PreparedBodies(LeadGenerator leads, string runId, long count, int ahead, TaskCompletionSource ready)
    {
        _leads = leads;
        _runId = runId;
        _bodies = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Math.Max(1, ahead)) { SingleReader = false, SingleWriter = true });
        _producer = Task.Run(() => ProduceAsync(leads, runId, count, ahead, ready, _stop.Token));
    }

    /// <summary>
    /// Starts generating <paramref name="count"/> bodies and returns when the first <paramref name="ahead"/>
    /// (all of them, for a phase up to that size) are ready. One generator may feed one phase at a time.
    /// </summary>
    public static async Task<PreparedBodies> PrepareAsync(LeadGenerator leads, string runId, long count, CancellationToken cancellationToken,
        int ahead = DefaultAhead)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodies = new PreparedBodies(leads, runId, count, ahead, ready);
        try
        {
            await ready.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            await bodies.DisposeAsync();
            throw;
        }

        return bodies;
    }

    /// <summary>
    /// The next body as JSON content. Waits only when a phase longer than the prepared bodies outruns the producer;
    /// generates one here only past the count prepared (a phase whose length was known only when it began).
    /// </summary>
    public async ValueTask<HttpContent> NextAsync(CancellationToken cancellationToken)
    {
        var reader = _bodies.Reader;
        byte[]? body;
        while (!reader.TryRead(out body))
        {
            if (!await reader.WaitToReadAsync(cancellationToken))
            {
                lock (_leads)
                    return LeadGenerator.Content(_leads.Next(_runId));
            }
        }

        return LeadGenerator.Content(body);
    }

    public async ValueTask DisposeAsync()
    {
        // A phase that stopped early, or skipped requests past the client's in-flight bound, leaves bodies unread.
        await _stop.CancelAsync();
        await _producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task ProduceAsync(LeadGenerator leads, string runId, long count, int ahead, TaskCompletionSource ready, CancellationToken cancellationToken)
    {
        try
        {
            var writer = _bodies.Writer;
            for (long i = 0; i < count; i++)
            {
                if (i == ahead)
                    ready.TrySetResult();
                byte[] body;
                lock (leads)
                    body = leads.Next(runId);
                if (!writer.TryWrite(body))
                    await writer.WriteAsync(body, cancellationToken);
            }

            ready.TrySetResult();
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            ready.TrySetException(ex);
            _bodies.Writer.TryComplete(ex);
        }
    }
}
