using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Prepares the database before the service takes leads. A database that cannot be reached at
/// start stops the start with the reason: migrations must run first, and an orchestrator shows and
/// retries a failed start, while a service that came up without its database would only answer 503.
/// </summary>
internal sealed class DatabaseInitializer(
    IStorageProvider provider,
    IOptions<StorageOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = options.Value.Migrations;
        await provider.InitializeAsync(mode, cancellationToken);
        logger.LogInformation("Storage {Provider} ready at {DatabaseLocation}", provider.Name, provider.Location);
        if (mode == MigrationMode.ApplyAndExit)
        {
            // Stopping inside StartAsync would cancel the rest of the start and end the process with
            // an error; stopping once started exits cleanly, with code 0, as a migration job should.
            lifetime.ApplicationStarted.Register(() =>
            {
                logger.LogInformation("Migrations applied; stopping because Storage:Migrations is {MigrationMode}", mode);
                lifetime.StopApplication();
            });
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
