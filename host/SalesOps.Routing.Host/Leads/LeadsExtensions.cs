using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

internal static class LeadsExtensions
{
    public static WebApplicationBuilder AddLeadReads(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Name == StorageProviders.SqlServer
            ? SqlServerLeadHistorySql.Statements
            : SqliteLeadHistorySql.Statements);
        builder.Services.AddSingleton<LeadHistoryReader>();
        builder.Services.AddSingleton<LeadSnapshotReader>();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, LeadJsonContext.Default));
        return builder;
    }
}
