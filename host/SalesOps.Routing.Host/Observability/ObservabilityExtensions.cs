using Prometheus;
using SalesOps.Routing.Host.Security;

namespace SalesOps.Routing.Host.Observability;

internal static class ObservabilityExtensions
{
    public static WebApplicationBuilder AddRoutingMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoutingMetrics>();
        return builder;
    }

    /// <summary>Prometheus text format at /metrics: leads received, routed, rejected, decision latency, and .NET runtime statistics.</summary>
    public static IEndpointRouteBuilder MapRoutingMetrics(this IEndpointRouteBuilder routes)
    {
        // A scraper sends a viewer key (Prometheus: authorization.credentials); counts carry no lead data, but no read is open.
        routes.MapMetrics("/metrics", routes.ServiceProvider.GetRequiredService<RoutingMetrics>().Registry).RequireAuthorization(ApiRoles.Viewer);
        return routes;
    }
}
