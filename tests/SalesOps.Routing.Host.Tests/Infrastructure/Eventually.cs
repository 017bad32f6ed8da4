namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>
/// Waits for something the service does in the background (a reload after a file is saved). The
/// limit is generous and only there so a broken build fails instead of hanging; it measures nothing.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        using var deadline = new CancellationTokenSource(Limit);
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Gave up waiting for {what}; last seen: {value}");
            }
        }
    }
}
