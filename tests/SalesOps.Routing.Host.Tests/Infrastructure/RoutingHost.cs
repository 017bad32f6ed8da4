using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 on a free port, on its own SQLite file, with the sample
/// rules unless told otherwise. Disposing it stops the host; a new one on the same file is a restart.
/// </summary>
internal sealed class RoutingHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public RoutingHost(string databasePath, string? rulesFolder = null, FakeTimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        DatabasePath = databasePath;
        Clock = clock ?? new FakeTimeProvider(EuropeanMorning);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Routing"] = $"Data Source={databasePath}",
            ["Rules:Path"] = rulesFolder ?? SampleRulesFolder,
            ["Serilog:MinimumLevel:Default"] = "Warning",

            // A test moves the fake clock in jumps; a sweep in the background would breach and
            // reassign leads behind its back. SLA tests run the sweep themselves.
            ["Sla:ScheduledSweep"] = "false",
        };
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

    /// <summary>Starts the host and returns a client for its real HTTP address.</summary>
    public HttpClient Start()
    {
        StartServer();
        return CreateClient();
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
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
