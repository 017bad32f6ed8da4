using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Rules;

/// <summary>POST /api/rules/backtest replays stored leads through a draft and counts what would change, touching nothing.</summary>
public sealed class BacktestApiTests : IAsyncLifetime
{
    // No SLA sweeps: while the clock jumps, breaches would move the seeded leads on, which a backtest of routing does not replay.
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(BacktestApiTests)), clock: new FakeTimeProvider(Backtests.Start),
        settings: new Dictionary<string, string?> { ["Rules:Watch"] = "false", ["Sla:ScheduledSweep"] = "false" });
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _host.Start();
        await Backtests.SeedAsync(_client, _host.Clock!);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Backtest_DraftMovingSwitzerlandToUki_CountsEachKindOfChange()
    {
        var report = await BacktestAsync(new JsonObject
        {
            ["from"] = Backtests.WindowStart.ToString("O"),
            ["to"] = Backtests.WindowEnd.ToString("O"),
            ["rules"] = RuleApi.FileMap(("routing.json", Backtests.SwissToUkiRouting())),
            ["examples"] = 2,
        });

        Backtests.AssertSwissToUkiReport(report);
    }

    [Fact]
    public async Task Backtest_TouchesNoStoredData()
    {
        var before = await SnapshotAsync();

        await BacktestAsync(new JsonObject
        {
            ["from"] = Backtests.Start.ToString("O"),
            ["to"] = Backtests.WindowEnd.ToString("O"),
            ["rules"] = RuleApi.FileMap(("routing.json", Backtests.SwissToUkiRouting())),
        });

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Backtest_WithoutADraft_ReplaysTheLiveRulesAndFindsNoChange()
    {
        var report = await BacktestAsync(new JsonObject { ["from"] = Backtests.WindowStart.ToString("O"), ["to"] = Backtests.WindowEnd.ToString("O") });

        Assert.Equal((5, 5), (report.GetProperty("leads").GetInt32(), report.GetProperty("unchanged").GetInt32()));
    }

    [Theory]
    [InlineData("{\"to\": \"2026-11-02T10:00:00Z\"}", "from")]
    [InlineData("{\"from\": \"2026-11-02T10:00:00Z\", \"to\": \"2026-11-02T09:00:00Z\"}", "to")]
    [InlineData("{\"from\": \"yesterday\", \"to\": \"2026-11-02T09:00:00Z\"}", "from")]
    [InlineData("{\"from\": \"2026-11-02T08:00:00Z\", \"to\": \"2026-11-02T09:00:00Z\", \"limit\": 0}", "limit")]
    public async Task Backtest_BadWindow_Returns400NamingTheField(string body, string field)
    {
        var response = await _client.PostAsync("/api/rules/backtest", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task<JsonElement> BacktestAsync(JsonObject request)
    {
        var response = await _client.PostAsJsonAsync("/api/rules/backtest", request);
        return await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> SnapshotAsync()
    {
        var leads = await _host.QueryAsync<(string, string, string)>("SELECT id, status, IFNULL(rep_id, '') FROM leads ORDER BY id");
        var decisions = await _host.QueryAsync<(string, string, long)>("SELECT lead_id, IFNULL(team_id, ''), score FROM decisions ORDER BY lead_id");
        var rotation = await _host.QueryAsync<(string, string, string)>("SELECT team_id, last_rep_id, updated_at FROM rotation ORDER BY team_id");
        var assignments = await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM assignments");
        return JsonSerializer.Serialize(new { leads, decisions, rotation, assignments });
    }
}
