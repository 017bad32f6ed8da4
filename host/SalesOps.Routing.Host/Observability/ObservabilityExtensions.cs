using Prometheus;

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
        routes.MapMetrics("/metrics", routes.ServiceProvider.GetRequiredService<RoutingMetrics>().Registry);
        return routes;
    }
}
