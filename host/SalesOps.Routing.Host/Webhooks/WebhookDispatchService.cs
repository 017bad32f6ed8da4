using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// Runs the dispatcher every <see cref="WebhookOptions.PollInterval"/> on the service's clock, and at
/// once after a commit in this process that may have written events, until the host stops. A failed
/// pass (the database busy or gone) is logged and tried again at the next poll; nothing is lost,
/// since every event and delivery is a row. On stop, lanes in flight hand back their claims before
/// the host goes.
/// </summary>
internal sealed partial class WebhookDispatchService(
    WebhookDispatcher dispatcher,
    WebhookDispatchSignal signal,
    IOptions<WebhookOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<WebhookDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A migration job changes the schema and stops; delivering is the service's work.
        if (!options.Value.Dispatch || storage.Value.Migrations == MigrationMode.ApplyAndExit)
            return;

        try
        {
            await PollAsync(stoppingToken);
        }
        finally
        {
            await dispatcher.LanesStoppedAsync();
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.RunOnceAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(ex, options.Value.PollInterval);
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook dispatch pass failed; trying again in {PollInterval}")]
    private partial void LogPassFailed(Exception exception, TimeSpan pollInterval);
}
