using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Rules;

/// <summary>POST /api/rules/reload and the stored versions, with the watcher off so only the test reloads.</summary>
public sealed class RuleReloadApiTests : IAsyncLifetime
{
    private readonly TempRuleFolder _rules = new();
    private RoutingHost _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(RuleReloadApiTests)), _rules.Path,
            settings: new Dictionary<string, string?> { ["Rules:Watch"] = "false" });
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _rules.Dispose();
    }

    [Fact]
    public async Task Reload_InvalidFiles_Returns422WithEveryError_AndKeepsTheLiveVersion()
    {
        var live = (await _client.GetStatusAsync()).ActiveVersion;
        _rules.Edit("routing.json", s => s.Replace("\"team\": \"APAC\"", "\"team\": \"APJ\"", StringComparison.Ordinal));

        var response = await _client.PostAsync("/api/rules/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("routing.json", error.GetProperty("file").GetString());
        Assert.Equal(9, error.GetProperty("line").GetInt32());
        Assert.Contains("APJ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(live, (await _client.GetStatusAsync()).ActiveVersion);
    }

    [Fact]
    public async Task Reload_ValidEdit_ActivatesIt_AndEveryVersionIsStoredWithItsFiles()
    {
        var first = (await _client.GetStatusAsync()).ActiveVersion!;
        var originalScoring = _rules.Read("scoring.json");
        _rules.Edit("scoring.json", s => s.Replace("\"points\": 30", "\"points\": 35", StringComparison.Ordinal));

        var reload = await (await _client.PostAsync("/api/rules/reload", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await _client.PostAsync("/api/rules/reload", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var decision = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        var versions = await _client.GetFromJsonAsync<JsonElement>("/api/rules/versions");
        var stored = await _client.GetFromJsonAsync<JsonElement>($"/api/rules/versions/{first}");

        var second = reload.GetProperty("version").GetString();
        Assert.Equal("activated", reload.GetProperty("outcome").GetString());
        Assert.Equal("unchanged", again.GetProperty("outcome").GetString());
        Assert.Equal(second, decision.RuleSetVersion);
        Assert.Equal(second, versions.GetProperty("active").GetString());
        Assert.Equal([second, first], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(originalScoring, stored.GetProperty("files").GetProperty("scoring.json").GetString());
        Assert.Single(stored.GetProperty("activatedAt").EnumerateArray());
    }

    [Fact]
    public async Task GetVersion_NeverLive_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/rules/versions/000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
