using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SalesOps.Routing.Host.Health;

internal static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddRoutingHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<RulesHealthCheck>("rules", tags: [ReadyTag]);
        return builder;
    }

    public static IEndpointRouteBuilder MapRoutingHealthChecks(this IEndpointRouteBuilder routes)
    {
        // Live: the process answers. Ready: it can take leads (database writable, rules loaded).
        // Anonymous and never rate limited: probes carry no key, and a throttled probe would take a healthy host out.
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous().DisableRateLimiting();
        return routes;
    }
}
