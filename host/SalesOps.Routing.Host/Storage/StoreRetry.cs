using Polly;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// The configured provider's policy for rerunning a whole store transaction after a transient
/// fault. Every store that runs its own transactions goes through it; SQLite's reruns nothing.
/// </summary>
internal sealed class StoreRetry(ResiliencePipeline pipeline)
{
    public static StoreRetry None { get; } = new(ResiliencePipeline.Empty);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(async token => await work(token), cancellationToken);

    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(async token => await work(token), cancellationToken);
}
