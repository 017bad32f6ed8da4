namespace SalesOps.Routing.Host.Ingest;

internal static class IngestExtensions
{
    public static WebApplicationBuilder AddLeadIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GroupCommitMetrics>();
        builder.Services.AddSingleton<DecisionWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DecisionWriter>());
        return builder;
    }
}
