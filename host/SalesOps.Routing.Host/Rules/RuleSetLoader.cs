using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Rules;

/// <summary>Loads the rule set at start; the service does not accept leads without a valid one.</summary>
internal sealed class RuleSetLoader : IHostedService
{
    private readonly RuleSetProvider _provider;

    // Hosted services are all created before the first starts: compiling begins while storage migrates.
    public RuleSetLoader(RuleSetProvider provider)
    {
        _provider = provider;
        provider.Prebuild();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await _provider.ReloadAsync(cancellationToken);
        if (result.Outcome == ReloadOutcome.Failed)
            throw new InvalidOperationException(_provider.Status.LastError?.Message);
        if (!_provider.IsLoaded)
            throw new RuleSetException(result.Errors);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
