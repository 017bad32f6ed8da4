using Polly;
using Polly.Retry;

namespace SalesOps.Routing.Host.Storage.SqlServer;

/// <summary>The retry policy for SQL Server: transient faults only, with jittered exponential backoff.</summary>
internal static partial class SqlServerResilience
{
    public const int MaxRetryAttempts = 4;

    /// <remarks>
    /// Backoff waits use real time (Polly's default clock), not the service's injected clock: a
    /// test that fakes the business clock must not stall a retry that nobody advances.
    /// </remarks>
    public static ResiliencePipeline CreatePipeline(ILogger logger, TimeSpan firstDelay) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(SqlServerTransientErrors.IsTransient),
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    LogRetry(logger, args.Outcome.Exception, SqlServerTransientErrors.NumberOf(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient SQL Server error {ErrorNumber}; rerunning the transaction (retry {Retry}) in {Delay}")]
    private static partial void LogRetry(ILogger logger, Exception? exception, int? errorNumber, int retry, TimeSpan delay);
}
