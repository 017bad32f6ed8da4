using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Ingest;

internal static class IngestExtensions
{
    public static WebApplicationBuilder AddLeadIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GroupCommitMetrics>();
        builder.Services.AddSingleton<IWriteStageTimer>(sp => sp.GetRequiredService<GroupCommitMetrics>());
        builder.Services.AddSingleton<DurableAcknowledger>();
        builder.Services.AddSingleton<DecisionWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DecisionWriter>());
        // After the rule set loader, so the sample leads meet the rules this host will route by.
        builder.Services.AddHostedService<WritePathWarmUp>();
        return builder;
    }
}
