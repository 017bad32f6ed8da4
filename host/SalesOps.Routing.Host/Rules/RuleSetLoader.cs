namespace SalesOps.Routing.Host.Rules;

/// <summary>Loads the rule set at start; the service does not accept leads without a valid one.</summary>
internal sealed class RuleSetLoader(RuleSetProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        provider.Load();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
