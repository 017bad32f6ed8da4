using System.Threading.Channels;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// Lets a commit in this process start a dispatch pass at once instead of at the next poll. A wake
/// while a pass runs is kept (one at most), so the events it announced are never left for the poll.
/// Other hosts on the same database still find the events by polling.
/// </summary>
internal sealed class WebhookDispatchSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when woken or when <paramref name="interval"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(interval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, poll.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (poll.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The poll: look even though nobody woke us.
        }
    }
}
