using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesOps.Routing.Host.Rules;

namespace SalesOps.Routing.Host.Health;

internal sealed class RulesHealthCheck(RuleSetProvider rules) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(rules.IsLoaded
            ? HealthCheckResult.Healthy($"rule set {rules.Current.Version} active")
            : HealthCheckResult.Unhealthy("no rule set loaded"));
}
