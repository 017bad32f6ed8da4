using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Health;

internal sealed class StorageHealthCheck(ILeadStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("database reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
