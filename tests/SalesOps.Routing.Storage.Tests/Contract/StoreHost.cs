using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using NRules;
using SalesOps.Routing.Host.Routing;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.Sqlite;
using SalesOps.Routing.Rules;

namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>
/// The storage part of one service instance, wired exactly as the host wires it (the same
/// registration, options and decorators) in a container of its own. Several of them on one
/// database behave like several hosts of the service: each commit runs on its own connection.
/// </summary>
internal sealed class StoreHost : IAsyncDisposable
{
    // Compiling the assignment rules is the slow part of a start; every host shares one, as a process would.
    private static readonly Lazy<ISessionFactory> AssignmentSessions = new(AssignmentRules.Compile);

    private readonly ServiceProvider _services;

    private StoreHost(ServiceProvider services) => _services = services;

    public ILeadStore Store => _services.GetRequiredService<ILeadStore>();

    public RoutingOpsStore Ops => _services.GetRequiredService<RoutingOpsStore>();

    public IConnectionFactory Connections => _services.GetRequiredService<IConnectionFactory>();

    public SqliteCheckpointer Checkpointer => _services.GetRequiredService<SqliteCheckpointer>();

    public static async Task<StoreHost> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider clock)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" })
            .AddSingleton(clock)
            .AddSingleton(AssignmentSessions.Value)
            .AddLogging()
            .AddRoutingStorage();
        services.AddOptions<RoutingOptions>();
        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<IStorageProvider>().InitializeAsync(MigrationMode.Apply, CancellationToken.None);
        return new StoreHost(provider);
    }

    /// <summary>Reads the database directly, as an operator would, to check what was really stored.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async Task<int> CountAsync(string sql, object? parameters = null) => (await QueryAsync<int>(sql, parameters)).Single();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
