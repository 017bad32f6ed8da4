using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Rules;

/// <summary>Loads the rule set at start; the service does not accept leads without a valid one.</summary>
internal sealed class RuleSetLoader(RuleSetProvider provider) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await provider.ReloadAsync(cancellationToken);
        if (result.Outcome == ReloadOutcome.Failed)
            throw new InvalidOperationException(provider.Status.LastError?.Message);
        if (!provider.IsLoaded)
            throw new RuleSetException(result.Errors);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
