using Microsoft.Extensions.Time.Testing;

namespace SalesOps.Routing.Host.Tests.Webhooks;

/// <summary>
/// Moves the host's fake clock forward in small steps while a test waits, so the dispatcher's polls
/// and back-offs, which wait on that clock, come due; about ten times faster than real time.
/// </summary>
internal sealed class ClockPump : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private ClockPump(FakeTimeProvider clock, TimeSpan step) => _running = RunAsync(clock, step, _stop.Token);

    public static ClockPump Start(FakeTimeProvider clock) => new(clock, TimeSpan.FromMilliseconds(100));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }

    private static async Task RunAsync(FakeTimeProvider clock, TimeSpan step, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            clock.Advance(step);
            try
            {
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
