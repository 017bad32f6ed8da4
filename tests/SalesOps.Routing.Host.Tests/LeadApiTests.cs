using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests;

public sealed class LeadApiTests : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(LeadApiTests)));
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_NewLead_Returns201WithDecisionAndLocation()
    {
        var lead = LeadPayloads.QualifiedDach();

        var response = await _client.PostLeadAsync(lead);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = await response.Content.ReadFromJsonAsync<LeadDecision>();
        Assert.NotNull(decision);
        Assert.Equal($"/api/leads/{decision.Id}", response.Headers.Location?.ToString());
        Assert.Equal("assigned", decision.Status);
        Assert.Equal("EMEA-DACH", decision.Team);
        Assert.StartsWith("dach-", decision.RepId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(decision.RepName));
        Assert.Matches("^[0-9a-f]{12}$", decision.RuleSetVersion);
        Assert.Contains(decision.Trace, t => t is { Stage: "route", Rule: "Dach" });
        Assert.Contains(decision.Trace, t => t.Stage == "assign" && t.Effect.Contains(decision.RepId!, StringComparison.Ordinal));

        var stored = await _client.GetFromJsonAsync<LeadDecision>(response.Headers.Location);
        Assert.Equal(decision.Id, stored!.Id);
        Assert.Equal(decision.RepId, stored.RepId);
        Assert.Equal(decision.Trace, stored.Trace);
    }

    [Fact]
    public async Task Post_Answer_IsCamelCaseJson_WithTheMembersOfTheDecision()
    {
        var lead = LeadPayloads.QualifiedDach();
        var response = await _client.PostLeadAsync(lead);

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["id", "externalId", "source", "status", "score", "qualified", "team", "repId", "repName", "ruleSetVersion", "receivedAt", "trace"],
            answer.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["stage", "rule", "effect"], answer.RootElement.GetProperty("trace")[0].EnumerateObject().Select(p => p.Name));

        var again = await _client.PostLeadAsync(lead);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("application/json; charset=utf-8", again.Content.Headers.ContentType?.ToString());
        Assert.Equal(answer.RootElement.GetRawText(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_SameLeadAgain_Returns200WithFirstDecisionAndStoresNothingNew()
    {
        var lead = LeadPayloads.QualifiedDach();
        var first = await (await _client.PostLeadAsync(lead)).Content.ReadFromJsonAsync<LeadDecision>();
        var before = await CountAsync();

        lead["title"] = "Intern";
        var retry = await _client.PostLeadAsync(lead);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var second = await retry.Content.ReadFromJsonAsync<LeadDecision>();
        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal(first.RepId, second.RepId);
        Assert.Equal(first.Score, second.Score);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_EightRacingRetries_StoreOneLeadAndAgreeOnIt()
    {
        var lead = LeadPayloads.QualifiedDach();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.PostLeadAsync(lead)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<LeadDecision>())!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1L, await _host.QueryScalarAsync<long>(
            "SELECT COUNT(*) FROM leads WHERE external_id = @Id", new { Id = lead["externalId"]!.GetValue<string>() }));
        Assert.Equal(1L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM assignments WHERE lead_id = @Id", new { Id = ids[0] }));
    }

    [Fact]
    public async Task Post_DisqualifiedLead_IsStoredButNotAssigned()
    {
        var lead = LeadPayloads.QualifiedDach();
        lead["email"] = "jane@gmail.com";

        var response = await _client.PostLeadAsync(lead);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = await response.Content.ReadFromJsonAsync<LeadDecision>();
        Assert.Equal("disqualified", decision!.Status);
        Assert.Null(decision.RepId);
        Assert.Contains(decision.Trace, t => t is { Stage: "qualify", Rule: "FreeMail" });
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM assignments WHERE lead_id = @Id", new { decision.Id }));
    }

    [Fact]
    public async Task Post_MessyButWellFormedLead_IsAcceptedAndRoutedToCatchAllWithReasons()
    {
        var lead = LeadPayloads.QualifiedDach();
        lead["country"] = "Select";
        lead["employees"] = "50-200";
        lead["state"] = "";
        lead["attributes"] = new System.Text.Json.Nodes.JsonObject { ["seats"] = "12", ["trial"] = true, ["score"] = 4.5 };

        var response = await _client.PostLeadAsync(lead);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = await response.Content.ReadFromJsonAsync<LeadDecision>();
        Assert.Equal("Global-Inbound", decision!.Team);
        Assert.Contains(decision.Trace, t => t.Rule == "country" && t.Effect.Contains("Select", StringComparison.Ordinal));
        Assert.Contains(decision.Trace, t => t.Rule == "employees" && t.Effect.Contains("50-200", StringComparison.Ordinal));
        var payload = await _host.QueryScalarAsync<string>("SELECT payload FROM leads WHERE id = @Id", new { decision.Id });
        Assert.Contains("\"Select\"", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownLead_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/leads/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_Ready_WhenDatabaseOpenAndRulesLoaded()
    {
        Assert.Equal("Healthy", await _client.GetStringAsync("/health/ready"));
        Assert.Equal("Healthy", await _client.GetStringAsync("/health/live"));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheLeadEndpoints()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/leads", out _));
    }

    [Fact]
    public async Task Metrics_CountReceivedRoutedAndRejectedLeads()
    {
        await _client.PostLeadAsync(LeadPayloads.QualifiedDach());
        await _client.PostRawAsync("{\"source\":\"x\"}");

        var metrics = await _client.GetStringAsync("/metrics");

        Assert.Matches("salesops_routing_leads_received_total(\\{[^}]*\\})? [1-9]", metrics);
        Assert.Matches("salesops_routing_leads_routed_total\\{[^}]*status=\"assigned\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("salesops_routing_leads_rejected_total\\{[^}]*reason=\"invalid\"[^}]*\\} [1-9]", metrics);
        Assert.Contains("salesops_routing_decision_duration_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    private Task<long> CountAsync() => _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads");
}
