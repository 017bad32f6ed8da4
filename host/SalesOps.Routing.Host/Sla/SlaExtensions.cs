using Microsoft.Extensions.Options;
using Quartz;
using SalesOps.Routing.Host.Sla.Sqlite;
using SalesOps.Routing.Host.Sla.SqlServer;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

internal static class SlaExtensions
{
    private static readonly JobKey SweepJob = new("sla-sweep");

    public static WebApplicationBuilder AddSlaTimers(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Name == StorageProviders.SqlServer
            ? SqlServerSlaSql.Statements
            : SqliteSlaSql.Statements);
        builder.Services.AddSingleton<SlaTimerWriter>();
        builder.Services.AddSingleton<SlaDueTimers>();
        builder.Services.AddSingleton<SlaLeadMover>();
        builder.Services.AddSingleton<SlaSweeper>();
        builder.Services.AddSingleton<SlaTimerService>();
        builder.Services.AddSingleton<SlaTimerCommands>();
        builder.Services.AddSingleton<ILeadClocks, SlaLeadClocks>();
        builder.Services.AddSingleton<SlaQueries>();
        builder.Services.AddHostedService<SlaCatchUp>();

        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.ScheduleJob<SlaSweepJob>(
                (services, trigger) => trigger.WithIdentity("sla-sweep-trigger").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(services.GetRequiredService<IOptions<SlaOptions>>().Value.SweepInterval).RepeatForever()),
                (_, job) => job.WithIdentity(SweepJob));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
