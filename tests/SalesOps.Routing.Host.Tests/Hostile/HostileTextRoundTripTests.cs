using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Hostile;

public sealed class HostileTextRoundTripTests : IAsyncLifetime
{
    private static readonly string[] TextFields =
    [
        "email", "firstName", "lastName", "title", "phone", "company", "website", "country", "state", "postalCode", "city",
        "industry", "leadSource", "campaign",
    ];

    // Sent as a browser form would: '<', '>' and quotes literally, not as \u003C escapes.
    private static readonly JsonSerializerOptions Literal = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(HostileTextRoundTripTests)));
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SqlAndScriptTextInEveryField_IsStoredAsSent_ReadBackUnchanged_AndTreatedAsData()
    {
        var sample = 0;
        foreach (var text in HostileText.Samples)
        {
            var lead = TextFields.ToDictionary(f => f, object? (_) => text);
            lead["externalId"] = $"{text} #{sample++}";
            lead["source"] = text;
            lead["attributes"] = new Dictionary<string, object?> { [text] = text, ["note"] = text };
            var body = JsonSerializer.Serialize(lead, Literal);

            var posted = await _client.PostAsync("/api/leads", new StringContent(body, Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            var decision = (await posted.Content.ReadFromJsonAsync<LeadDecision>())!;
            var read = (await _client.GetFromJsonAsync<LeadDecision>($"/api/leads/{decision.Id}"))!;
            Assert.Equal(lead["externalId"], read.ExternalId);
            Assert.Equal(text, read.Source);
            Assert.Equal("Global-Inbound", read.Team);
            Assert.Equal(decision.Trace, read.Trace);
            Assert.Equal((decision.Status, decision.Score, decision.RepId), (read.Status, read.Score, read.RepId));
            Assert.Equal(body, await _host.QueryScalarAsync<string>("SELECT payload FROM leads WHERE id = @Id", new { decision.Id }));
        }

        Assert.Equal((long)HostileText.Samples.Count, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads"));
        Assert.Equal((long)HostileText.Samples.Count, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM decisions"));
        Assert.Equal(6L, await _host.QueryScalarAsync<long>(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('leads','decisions','assignments','rotation','rep_state','accounts')"));
    }
}
