using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Routing;

public sealed class RepApiTests : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(RepApiTests)));
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Teams_ListEachTeamWithItsRepsAndWhoCanTakeALeadNow()
    {
        var teams = await _client.GetFromJsonAsync<List<TeamView>>("/api/teams");

        var dach = Assert.Single(teams!, t => t.Id == "EMEA-DACH");
        Assert.Equal("round-robin", dach.Distribution);
        Assert.Equal("global-1", dach.FallbackRep);
        Assert.All(dach.Reps, r => Assert.True(r.EligibleNow));
        var smb = Assert.Single(teams!, t => t.Id == "NA-SMB");
        Assert.All(smb.Reps, r => Assert.Contains(r.NotEligibleBecause, reason => reason.StartsWith("outside working hours", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OutOfOffice_TakesEffectForTheNextLead_AndTheTraceSaysWhy()
    {
        var change = await _client.PutJsonAsync("/api/reps/dach-1", new JsonObject
        {
            ["outOfOffice"] = new JsonObject { ["from"] = "2026-11-24T00:00:00Z", ["to"] = "2026-12-01T00:00:00Z" },
        });
        change.EnsureSuccessStatusCode();

        var decision = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        Assert.Equal("dach-2", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Rule == "OutOfOfficeRule" && t.Effect.Contains("dach-1", StringComparison.Ordinal));
        var rep = await _client.GetFromJsonAsync<RepView>("/api/reps/dach-1");
        Assert.False(rep!.EligibleNow);
    }

    [Fact]
    public async Task Capacity_ChangedThroughTheApi_IsHonoured_AndClosingALeadFreesIt()
    {
        foreach (var id in new[] { "dach-1", "dach-2", "dach-3" })
            (await _client.PutJsonAsync($"/api/reps/{id}", new JsonObject { ["maxOpenLeads"] = 1 })).EnsureSuccessStatusCode();

        var first = new List<LeadDecision>();
        for (var i = 0; i < 4; i++)
            first.Add(await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach()));
        var status = await _client.PostJsonAsync($"/api/leads/{first[0].Id}/status", new JsonObject { ["status"] = "working" });
        var afterTouch = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        Assert.Equal(["dach-1", "dach-2", "dach-3", "global-1"], first.Select(d => d.RepId));
        Assert.Contains(first[3].Trace, t => t.Rule == "AtCapacityRule");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("dach-1", afterTouch.RepId);
    }

    [Fact]
    public async Task DeactivatingARep_RedistributesTheirOpenLeadsWithATrace()
    {
        var leads = new List<LeadDecision>();
        for (var i = 0; i < 6; i++)
            leads.Add(await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach()));
        var ofDach2 = leads.Where(l => l.RepId == "dach-2").Select(l => l.Id).ToHashSet();

        var response = await _client.PutJsonAsync("/api/reps/dach-2", new JsonObject { ["active"] = false });
        var result = await response.Content.ReadFromJsonAsync<RepChangeResponse>();

        Assert.Equal(ofDach2, result!.Reassigned.Select(r => r.LeadId).ToHashSet());
        Assert.All(result.Reassigned, r =>
        {
            Assert.NotNull(r.ToRepId);
            Assert.NotEqual("dach-2", r.ToRepId);
            Assert.Contains(r.Trace, t => t.Rule == "reassign" && t.Effect.Contains("dach-2", StringComparison.Ordinal));
        });
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads WHERE rep_id = 'dach-2' AND status IN ('assigned', 'working')"));
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM assignments WHERE rep_id = 'dach-2' AND ended_at IS NULL"));
        var next = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        Assert.NotEqual("dach-2", next.RepId);
        Assert.Contains(next.Trace, t => t.Effect == "skipped rep dach-2: inactive");
    }

    [Fact]
    public async Task ReassignOpenLeads_MovesEveryOpenLeadOfTheRep()
    {
        for (var i = 0; i < 3; i++)
            await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        var response = await _client.PostJsonAsync("/api/reps/dach-1/reassign-open-leads", null);
        var moved = await response.Content.ReadFromJsonAsync<List<ReassignmentView>>();

        var only = Assert.Single(moved!);
        Assert.Equal("dach-1", only.FromRepId);
        Assert.NotEqual("dach-1", only.ToRepId);
    }

    [Theory]
    [InlineData("{\"weight\":0}", "weight")]
    [InlineData("{\"maxOpenLeads\":\"ten\"}", "maxOpenLeads")]
    [InlineData("{\"active\":\"no\"}", "active")]
    [InlineData("{\"outOfOffice\":{\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}}", "outOfOffice.to")]
    [InlineData("{\"nickname\":\"Ace\"}", "nickname")]
    public async Task ChangeRep_InvalidField_Returns400NamingIt(string body, string field)
    {
        var response = await _client.PutAsync("/api/reps/dach-1", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRep_Unknown_Returns404Problem()
    {
        var response = await _client.PutJsonAsync("/api/reps/nobody", new JsonObject { ["active"] = false });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClosedLead_CannotBeReopened()
    {
        var lead = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        await _client.PostJsonAsync($"/api/leads/{lead.Id}/status", new JsonObject { ["status"] = "converted" });

        var response = await _client.PostJsonAsync($"/api/leads/{lead.Id}/status", new JsonObject { ["status"] = "working" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
