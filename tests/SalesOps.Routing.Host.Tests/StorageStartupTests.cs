using System.Diagnostics;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests;

/// <summary>
/// Storage settings are checked when the service starts: a wrong one stops the start with a message
/// that names the setting, rather than a service that runs and answers 503 to every lead.
/// </summary>
public sealed class StorageStartupTests
{
    private static readonly int SqliteMigrations = typeof(Program).Assembly.GetManifestResourceNames()
        .Count(name => name.Contains(".Storage.Sql.Sqlite.", StringComparison.Ordinal));

    [Fact]
    public void Start_UnknownProvider_FailsNamingTheSettingAndTheChoices()
    {
        var message = StartFailure(new() { ["Storage:Provider"] = "Postgres" });

        Assert.Contains("Storage:Provider 'Postgres' is not supported", message, StringComparison.Ordinal);
        Assert.Contains("'Sqlite'", message, StringComparison.Ordinal);
        Assert.Contains("'SqlServer'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ConnectionStrings:Routing is required when Storage:Provider is 'SqlServer'")]
    [InlineData("Server=db.example;Colour=blue", "ConnectionStrings:Routing is not a valid SQL Server connection string")]
    [InlineData("Server=db.example;Integrated Security=true", "ConnectionStrings:Routing must name the database")]
    public void Start_SqlServerWithBadConnectionString_FailsNamingTheSetting(string connectionString, string expected)
    {
        var message = StartFailure(new() { ["Storage:Provider"] = "SqlServer", ["ConnectionStrings:Routing"] = connectionString });

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SqlServerThatCannotBeReached_FailsNamingServerAndDatabaseButNotThePassword()
    {
        var message = StartFailure(new()
        {
            ["Storage:Provider"] = "SqlServer",
            ["ConnectionStrings:Routing"] = "Server=tcp:127.0.0.1,1;Database=routing;User ID=routing;Password=Secret-42;Connect Timeout=1;TrustServerCertificate=True",
        });

        Assert.Contains("Cannot open the SQL Server database 'routing' on 'tcp:127.0.0.1,1' (ConnectionStrings:Routing)", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-42", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProviderNamedInAnotherCase_IsAccepted()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(StorageStartupTests)),
            settings: new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite" });

        var response = await host.Start().PostLeadAsync(LeadPayloads.QualifiedDach());

        Assert.Equal("dach-1", (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<LeadDecision>())!.RepId);
    }

    [Fact]
    public async Task Start_VerifyMigrations_RefusesAnEmptyDatabaseAndAcceptsAMigratedOne()
    {
        var database = TestDatabase.NewSqliteFile(nameof(StorageStartupTests));
        var verify = new Dictionary<string, string?> { ["Storage:Migrations"] = "Verify" };

        var refused = StartFailure(verify, database);
        await using (var migrating = new RoutingHost(database))
            migrating.Start();
        await using var verified = new RoutingHost(database, settings: verify);
        var response = await verified.Start().PostLeadAsync(LeadPayloads.QualifiedDach());

        Assert.Contains($"The database lacks {SqliteMigrations} migration(s): 0001_init.sql, ", refused, StringComparison.Ordinal);
        Assert.Contains("Storage:Migrations=ApplyAndExit", refused, StringComparison.Ordinal);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Start_ApplyAndExit_MigratesThenExitsWithCodeZero()
    {
        var database = TestDatabase.NewSqliteFile(nameof(StorageStartupTests));

        var (exitCode, output) = await RunServiceAsync(
            "--Storage:Migrations=ApplyAndExit", $"--ConnectionStrings:Routing=Data Source={database}");

        Assert.True(exitCode == 0, output);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal(SqliteMigrations, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SchemaVersions"));
    }

    /// <summary>Runs the built service as its own process, as a deployment's migration job would, and waits for it to exit.</summary>
    private static async Task<(int ExitCode, string Output)> RunServiceAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[typeof(Program).Assembly.Location, $"--Rules:Path={RoutingHost.SampleRulesFolder}", "--Urls=http://127.0.0.1:0", .. arguments])
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(bound.Token);
        var stderr = process.StandardError.ReadToEndAsync(bound.Token);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string StartFailure(Dictionary<string, string?> settings, string? database = null)
    {
        using var host = new RoutingHost(database ?? TestDatabase.NewSqliteFile(nameof(StorageStartupTests)), settings: settings);
        var error = Assert.ThrowsAny<Exception>(() => host.Start());
        return string.Join(" | ", Chain(error).Select(e => e.Message));
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            yield return error;
    }
}
