using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Rules;

/// <summary>POST /api/simulate shows the decision a lead would get, and changes nothing.</summary>
public sealed class SimulationApiTests : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(SimulationApiTests)));
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Simulate_ShowsTheNextRepInRotation_StoresNothing_AndLeavesTheRotationWhereItWas()
    {
        var first = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        var leadsBefore = await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads");
        var stateBefore = await RoutingStateAsync();

        var simulated = await SimulateAsync(new JsonObject { ["lead"] = LeadPayloads.QualifiedDach() });
        var again = await SimulateAsync(new JsonObject { ["lead"] = LeadPayloads.QualifiedDach() });
        var leadsAfter = await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads");
        var stateAfter = await RoutingStateAsync();
        var next = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        Assert.Equal("dach-1", first.RepId);
        Assert.Equal(("assigned", "EMEA-DACH", "dach-2"), (simulated.GetProperty("status").GetString(), simulated.GetProperty("team").GetString(), simulated.GetProperty("repId").GetString()));
        Assert.Equal("dach-2", again.GetProperty("repId").GetString());
        Assert.False(simulated.GetProperty("draft").GetBoolean());
        Assert.Contains(simulated.GetProperty("trace").EnumerateArray(), t => t.GetProperty("stage").GetString() == "route" && t.GetProperty("rule").GetString() == "Dach");
        Assert.Equal(leadsBefore, leadsAfter);
        Assert.Equal(stateBefore, stateAfter);
        Assert.Equal("dach-2", next.RepId);
    }

    [Fact]
    public async Task Simulate_WithADraftRoutingFile_DecidesByTheDraft()
    {
        var routing = File.ReadAllText(Path.Combine(RoutingHost.SampleRulesFolder, "routing.json"))
            .Replace("\"team\": \"EMEA-DACH\"", "\"team\": \"APAC\"", StringComparison.Ordinal);

        var simulated = await SimulateAsync(new JsonObject
        {
            ["lead"] = LeadPayloads.QualifiedDach(),
            ["rules"] = RuleApi.FileMap(("routing.json", routing)),
        });

        Assert.True(simulated.GetProperty("draft").GetBoolean());
        Assert.Equal("APAC", simulated.GetProperty("team").GetString());
        Assert.NotEqual((await _client.GetStatusAsync()).ActiveVersion, simulated.GetProperty("ruleSetVersion").GetString());
    }

    [Fact]
    public async Task Simulate_InvalidLead_Returns400NamingTheLeadField()
    {
        var lead = LeadPayloads.QualifiedDach();
        lead["employees"] = -5;
        lead["email"] = true;

        var response = await _client.PostAsJsonAsync("/api/simulate", new JsonObject { ["lead"] = lead });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("lead.email", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("lead.employees", out _));
    }

    [Fact]
    public async Task Simulate_InvalidDraft_Returns422WithTheDraftsErrors()
    {
        var response = await _client.PostAsJsonAsync("/api/simulate", new JsonObject
        {
            ["lead"] = LeadPayloads.QualifiedDach(),
            ["rules"] = RuleApi.FileMap(("qualification.json", "{ \"WorkflowName\": \"qualification\", \"Rules\": [ }")),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("qualification.json", problem.GetProperty("errors")[0].GetProperty("file").GetString());
    }

    private async Task<string> RoutingStateAsync()
    {
        var rotation = await _host.QueryAsync<(string, string, string)>("SELECT team_id, last_rep_id, updated_at FROM rotation ORDER BY team_id");
        var reps = await _host.QueryAsync<(string, long, long)>("SELECT rep_id, open_leads, assigned_today FROM rep_state ORDER BY rep_id");
        return JsonSerializer.Serialize(new { rotation, reps });
    }

    private async Task<JsonElement> SimulateAsync(JsonObject request)
    {
        var response = await _client.PostAsJsonAsync("/api/simulate", request);
        return await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
    }
}
