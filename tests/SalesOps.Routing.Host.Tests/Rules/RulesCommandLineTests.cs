using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Cli;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Rules;

/// <summary>The <c>rules</c> command line, as a git hook or CI job would use it.</summary>
public sealed class RulesCommandLineTests : IDisposable
{
    private readonly TempRuleFolder _rules = new();

    public void Dispose() => _rules.Dispose();

    [Fact]
    public async Task Validate_ValidFolder_ExitsZero()
    {
        var (exit, output, _) = await RunAsync("rules", "validate", _rules.Path);

        Assert.Equal(0, exit);
        Assert.StartsWith($"{_rules.Path}: valid, rule set version ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenFolder_ExitsOne_WithOneFileLineColumnMessagePerProblem()
    {
        _rules.Edit("scoring.json", s => s.Replace("\"points\": 15", "\"points\": \"15\"", StringComparison.Ordinal));
        _rules.Edit("routing.json", s => s.Replace("\"team\": \"APAC\"", "\"team\": \"APJ\"", StringComparison.Ordinal));

        var (exit, output, error) = await RunAsync("rules", "validate", _rules.Path);

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                $"{_rules.Path}/scoring.json:6:93: Rules['EnterpriseSize'].Properties.points: Value is \"string\" but should be \"integer\"",
                $"{_rules.Path}/routing.json:9:19: rule 'AsiaPacific': names team 'APJ', which teams.json does not define",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("2 problems", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFolder_ExitsOne()
    {
        var (exit, output, _) = await RunAsync("rules", "validate", Path.Combine(_rules.Path, "nowhere"));

        Assert.Equal(1, exit);
        Assert.Contains("rule folder does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RunAsTheRealProgram_ExitsOneWithoutStartingAServer()
    {
        _rules.Edit("teams.json", s => s.Replace("\"defaultTeam\": \"Global-Inbound\"", "\"defaultTeam\": \"Nobody\"", StringComparison.Ordinal));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "SalesOps.Routing.Host.dll"), "rules", "validate", _rules.Path])
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal($"{_rules.Path}/teams.json:3:18: \"defaultTeam\" names 'Nobody', which is not defined", (await output).Trim());
        Assert.DoesNotContain("Now listening", await output + await error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_DraftFolderAgainstAStoredDatabase_PrintsTheSameCountsAsTheApi()
    {
        var database = TestDatabase.NewSqliteFile(nameof(RulesCommandLineTests));
        await using (var host = new RoutingHost(database, clock: new FakeTimeProvider(Backtests.Start), settings: new Dictionary<string, string?> { ["Rules:Watch"] = "false", ["Sla:ScheduledSweep"] = "false" }))
            await Backtests.SeedAsync(host.Start(), host.Clock!);
        _rules.Edit("routing.json", _ => Backtests.SwissToUkiRouting());

        var (exit, output, error) = await RunAsync("rules", "backtest", _rules.Path, "--database", database,
            "--from", Backtests.WindowStart.ToString("O"), "--to", Backtests.WindowEnd.ToString("O"), "--examples", "2", "--json");

        Assert.True(exit == 0, error);
        Backtests.AssertSwissToUkiReport(JsonDocument.Parse(output).RootElement);
    }

    [Fact]
    public async Task Backtest_NoDatabase_ExitsTwoAndCreatesNone()
    {
        var database = Path.Combine(_rules.Path, "missing.db");

        var (exit, _, error) = await RunAsync("rules", "backtest", _rules.Path, "--database", database, "--from", "2026-11-01T00:00:00Z");

        Assert.Equal(2, exit);
        Assert.Contains("No database", error, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RulesCommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
