using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// At start, before the service takes requests, records every warning and breach that came due
/// while it was down, in deadline order; those recorded late are marked detected late.
/// </summary>
internal sealed partial class SlaCatchUp(SlaSweeper sweeper, IOptions<StorageOptions> storage, ILogger<SlaCatchUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A migration job changes the schema and stops; acting on breaches is the service's work.
        if (storage.Value.Migrations == MigrationMode.ApplyAndExit)
            return;
        var result = await sweeper.SweepAsync(cancellationToken);
        if (result.Claimed > 0)
            LogCaughtUp(result.Warnings, result.Breaches);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA catch-up at start: recorded {Warnings} warnings and {Breaches} breaches that came due while the service was down")]
    private partial void LogCaughtUp(int warnings, int breaches);
}
