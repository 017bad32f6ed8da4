using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Rules;

/// <summary>Saved edits to the rule files go live without a restart; broken edits never do.</summary>
public sealed class HotReloadTests : IAsyncLifetime
{
    private readonly TempRuleFolder _rules = new();
    private RoutingHost _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(HotReloadTests)), _rules.Path);
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _rules.Dispose();
    }

    [Fact]
    public async Task EditSavedOnDisk_TheNextLeadRoutesByTheNewVersion()
    {
        var before = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        _rules.Edit("routing.json", s => s.Replace("\"team\": \"EMEA-DACH\"", "\"team\": \"Global-Inbound\"", StringComparison.Ordinal));
        var status = await _client.WaitForStatusAsync(s => s.ActiveVersion != before.RuleSetVersion, "the edited routing.json to go live");
        var after = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        Assert.Equal("EMEA-DACH", before.Team);
        Assert.Equal("Global-Inbound", after.Team);
        Assert.Equal(status.ActiveVersion, after.RuleSetVersion);
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task BrokenFileSavedOnDisk_OldVersionKeepsRouting_AndStatusNamesFileAndLine()
    {
        var live = (await _client.GetStatusAsync()).ActiveVersion;

        _rules.Edit("scoring.json", s => s.Replace("\"points\": 15", "\"points\": 1S", StringComparison.Ordinal));
        var status = await _client.WaitForStatusAsync(s => s.LastError is not null, "the broken scoring.json to be refused");
        var decision = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        Assert.Equal(live, status.ActiveVersion);
        Assert.Equal(live, decision.RuleSetVersion);
        Assert.Equal("EMEA-DACH", decision.Team);
        var error = Assert.Single(status.LastError!.Errors);
        Assert.Equal(("scoring.json", 6), (error.File, error.Line));
        Assert.NotEqual(live, status.LastError.Version);
    }

    [Fact]
    public async Task BrokenFileFixedAgain_ErrorClears_AndTheSameVersionStaysLive()
    {
        var live = (await _client.GetStatusAsync()).ActiveVersion;
        var original = _rules.Read("teams.json");
        _rules.Edit("teams.json", s => s.Replace("\"defaultTeam\": \"Global-Inbound\"", "\"defaultTeam\": \"Nobody\"", StringComparison.Ordinal));
        var refused = await _client.WaitForStatusAsync(s => s.LastError is not null, "the broken teams.json to be refused");

        _rules.Edit("teams.json", _ => original);
        var fixedStatus = await _client.WaitForStatusAsync(s => s.LastError is null, "the restored teams.json to clear the error");

        Assert.Contains(refused.LastError!.Errors, e => e.File == "teams.json" && e.Line == 3 && e.Message.Contains("Nobody", StringComparison.Ordinal));
        Assert.Equal(live, fixedStatus.ActiveVersion);
    }
}
