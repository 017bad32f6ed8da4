using Prometheus;
using SalesOps.Routing.Host.Security;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Observability;

internal static class ObservabilityExtensions
{
    public static WebApplicationBuilder AddRoutingMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoutingMetrics>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Name == StorageProviders.SqlServer
            ? SqlServerMetricsSql.Statements
            : SqliteMetricsSql.Statements);
        builder.Services.AddSingleton<OpenTimersGauge>();
        return builder;
    }

    /// <summary>
    /// Prometheus text format at /metrics: leads received, routed, rejected, decision latency, SLA events,
    /// open SLA clocks, and .NET runtime statistics.
    /// </summary>
    public static IEndpointRouteBuilder MapRoutingMetrics(this IEndpointRouteBuilder routes)
    {
        // Created here so its scrape-time count is registered before the first scrape.
        routes.ServiceProvider.GetRequiredService<OpenTimersGauge>();

        // A scraper sends a viewer key (Prometheus: authorization.credentials); counts carry no lead data, but no read is open.
        routes.MapMetrics("/metrics", routes.ServiceProvider.GetRequiredService<RoutingMetrics>().Registry).RequireAuthorization(ApiRoles.Viewer);
        return routes;
    }
}
