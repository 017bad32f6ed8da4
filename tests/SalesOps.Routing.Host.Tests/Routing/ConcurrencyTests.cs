using System.Text.Json.Nodes;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Routing;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task EightParallelClients_NeverOverfillCapacity_NorTakeTheSameTurnTwice()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(ConcurrencyTests)));
        var client = host.Start();
        foreach (var id in new[] { "dach-1", "dach-2", "dach-3" })
            (await client.PutJsonAsync($"/api/reps/{id}", new JsonObject { ["maxOpenLeads"] = 5 })).EnsureSuccessStatusCode();

        var decisions = (await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var mine = new List<LeadDecision>();
            for (var i = 0; i < 5; i++)
                mine.Add(await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach()));
            return mine;
        }))).SelectMany(d => d).ToList();

        var perRep = decisions.CountBy(d => d.RepId ?? "(queue)").ToDictionary();
        Assert.Equal(5, perRep["dach-1"]);
        Assert.Equal(5, perRep["dach-2"]);
        Assert.Equal(5, perRep["dach-3"]);
        Assert.Equal(25, perRep["global-1"]);
        var dachInCommitOrder = await host.QueryAsync<string>(
            "SELECT rep_id FROM assignments WHERE rep_id LIKE 'dach-%' ORDER BY id");
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"dach-{i % 3 + 1}"), dachInCommitOrder);
    }
}
