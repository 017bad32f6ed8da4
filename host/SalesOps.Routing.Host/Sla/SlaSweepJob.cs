using Microsoft.Extensions.Options;
using Quartz;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// The one recurring Quartz job: sweeps due warnings and breaches. Quartz never holds a trigger per
/// timer; the timers are rows and this job finds the due ones by their indexed instants.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class SlaSweepJob(SlaSweeper sweeper, IOptions<SlaOptions> options, IOptions<StorageOptions> storage, ILogger<SlaSweepJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.ScheduledSweep || storage.Value.Migrations == MigrationMode.ApplyAndExit)
            return;
        try
        {
            await sweeper.SweepAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next run retries: nothing was committed for the failed batch.
            LogSweepFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA sweep failed; the next run retries")]
    private partial void LogSweepFailed(Exception exception);
}
