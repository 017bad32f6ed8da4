using System.Net;
using System.Text.Json.Nodes;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Routing;

public sealed class OwnershipApiTests : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(OwnershipApiTests)));
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LeadFromAnAccountInAccountsCsv_GoesToItsOwner()
    {
        var lead = LeadPayloads.QualifiedDach();
        lead["email"] = "buyer@umbrella-corp.example";

        var decision = await _client.PostLeadForDecisionAsync(lead);

        Assert.Equal("dach-2", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Rule == "AccountOwnerRule");
    }

    [Fact]
    public async Task AccountAddedThroughTheApi_MatchesByNormalizedCompanyName()
    {
        var put = await _client.PutJsonAsync("/api/accounts", new JsonArray(new JsonObject { ["company"] = "Hooli, Inc.", ["owner"] = "dach-3" }));
        var lead = LeadPayloads.QualifiedDach();
        lead["company"] = "HOOLI Incorporated";

        var decision = await _client.PostLeadForDecisionAsync(lead);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("dach-3", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Rule == "AccountOwnerRule" && t.Effect.Contains("company", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccountWithUnknownOwner_Returns400()
    {
        var response = await _client.PutJsonAsync("/api/accounts", new JsonArray(new JsonObject { ["domain"] = "x.example", ["owner"] = "ghost" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("domain", 254)]
    [InlineData("company", 201)]
    public async Task AccountWithANameLongerThanStoresKeep_Returns400NamingTheField(string field, int length)
    {
        var account = new JsonObject { ["domain"] = "x.example", ["owner"] = "dach-1" };
        account[field] = new string('a', length);

        var response = await _client.PutJsonAsync("/api/accounts", new JsonArray(account));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"[0].{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondLeadWithTheSameEmail_GoesToTheFirstLeadsOwner()
    {
        var first = LeadPayloads.QualifiedDach();
        var second = LeadPayloads.QualifiedDach();
        second["email"] = first["email"]!.GetValue<string>().ToUpperInvariant();
        var intervening = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        var firstDecision = await _client.PostLeadForDecisionAsync(first);
        var secondDecision = await _client.PostLeadForDecisionAsync(second);

        Assert.NotEqual(intervening.RepId, firstDecision.RepId);
        Assert.Equal(firstDecision.RepId, secondDecision.RepId);
        Assert.Contains(secondDecision.Trace, t => t.Rule == "DuplicateLeadRule" && t.Effect.Contains(firstDecision.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DuplicatesPostedInOneBurst_AllGoToOneOwner()
    {
        var email = $"burst.{Guid.NewGuid():N}@acme-robotics.example";
        var leads = Enumerable.Range(0, 6).Select(_ =>
        {
            var lead = LeadPayloads.QualifiedDach();
            lead["email"] = email;
            return lead;
        });

        var decisions = await Task.WhenAll(leads.Select(_client.PostLeadForDecisionAsync));

        Assert.Single(decisions.Select(d => d.RepId).Distinct());
    }
}
