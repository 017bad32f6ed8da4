namespace SalesOps.Routing.Host.Security;

/// <summary>Says at start, once Kestrel has bound its addresses, which keys the host accepts and why.</summary>
internal sealed partial class ApiKeyStartupReport(ApiKeyRing keys, IHostApplicationLifetime lifetime, ILogger<ApiKeyStartupReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Report);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        var addresses = string.Join(", ", keys.ServerAddresses);
        if (keys.Configured.Count > 0)
            LogConfigured(keys.Configured.Count, string.Join(", ", keys.Configured.Select(k => $"{k.Name} ({string.Join("+", k.Roles)})")));
        else if (keys.DevelopmentKeyActive)
            LogDevelopmentKey(AuthOptions.DevelopmentKey, addresses);
        else if (!keys.IsDevelopment)
            LogNoKeys("the development key works only in the Development environment");
        else
            LogNoKeys($"the development key works only when every address is loopback, and the host listens on {addresses}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{KeyCount} API keys accepted: {KeyNames}")]
    private partial void LogConfigured(int keyCount, string keyNames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys configured (Auth:ApiKeys): the development key '{DevelopmentKey}' is active with every role, because the environment is Development and the host listens only on loopback ({Addresses}). Configure keys before anyone else can reach this host.")]
    private partial void LogDevelopmentKey(string developmentKey, string addresses);

    [LoggerMessage(Level = LogLevel.Error, Message = "No API keys configured (Auth:ApiKeys): every protected endpoint answers 401, because {Reason}. See docs/operations.md to create a key.")]
    private partial void LogNoKeys(string reason);
}
