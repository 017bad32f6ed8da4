using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 on a free port, on its own SQLite file, with the sample
/// rules unless told otherwise. Disposing it stops the host; a new one on the same file is a restart.
/// It accepts the <see cref="TestKeys"/> (unless <c>apiKeys</c> is false) with rate limits far above
/// what a test sends, and its default client carries the all-roles key.
/// </summary>
internal sealed class RoutingHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly ILogEventSink? _logSink;
    private readonly Action<IServiceCollection>? _services;

    public RoutingHost(string databasePath, string? rulesFolder = null, FakeTimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null, bool apiKeys = true, string environment = "Testing",
        ILogEventSink? logSink = null, Action<IServiceCollection>? services = null)
    {
        DatabasePath = databasePath;
        Clock = clock ?? new FakeTimeProvider(EuropeanMorning);
        _environment = environment;
        _logSink = logSink;
        _services = services;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Routing"] = $"Data Source={databasePath}",
            ["Rules:Path"] = rulesFolder ?? SampleRulesFolder,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["RateLimiting:PermitsPerSecond"] = "100000",
            ["RateLimiting:Burst"] = "100000",
            ["RateLimiting:AnonymousPermitsPerSecond"] = "100000",
            ["RateLimiting:AnonymousBurst"] = "100000",

            // A test moves the fake clock in jumps; a sweep in the background would breach and
            // reassign leads behind its back. SLA tests run the sweep themselves.
            ["Sla:ScheduledSweep"] = "false",

            // One rolled-back batch, not the service's forty: every test host still rehearses (and
            // would find rows a rehearsal left behind) without each start taking longer.
            ["Ingest:WarmUpBatches"] = "1",
        };
        if (apiKeys)
        {
            foreach (var (key, value) in TestKeys.Settings(TestKeys.All))
                _settings[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public static string SampleRulesFolder { get; } = Path.Combine(AppContext.BaseDirectory, "rules");

    public string DatabasePath { get; }

    /// <summary>Wednesday 25 Nov 2026, 11:00 in Berlin: the sample DACH and UKI reps are at work.</summary>
    public static readonly DateTimeOffset EuropeanMorning = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The host's clock; it moves only when a test moves it.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Starts the host and returns a client for its real HTTP address that sends the all-roles key.</summary>
    public HttpClient Start()
    {
        StartServer();
        return ClientWithKey(TestKeys.AllRoles);
    }

    /// <summary>A client that sends <paramref name="apiKey"/> (none when null) the way <paramref name="header"/> says.</summary>
    public HttpClient ClientWithKey(string? apiKey, ApiKeyHeader header = ApiKeyHeader.Bearer)
    {
        var client = CreateClient();
        if (apiKey is null)
            return client;
        if (header == ApiKeyHeader.Bearer)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        else
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Reads the database directly, as an operator would, to check what was really stored.</summary>
    public async Task<T> QueryScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("no value");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            if (_logSink is not null)
                services.AddSingleton(_logSink);
            _services?.Invoke(services);
        });
    }
}
