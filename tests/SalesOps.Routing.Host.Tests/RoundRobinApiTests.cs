using System.Net.Http.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests;

public sealed class RoundRobinApiTests
{
    [Fact]
    public async Task Post_ThirtyLeadsToThreeRepTeam_Spread10Each()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(RoundRobinApiTests)));
        var client = host.Start();

        var reps = await PostDachLeadsAsync(client, 30, parallel: true);

        Assert.Equal(3, reps.Distinct().Count());
        Assert.All(reps.CountBy(r => r), pair => Assert.Equal(10, pair.Value));
    }

    [Fact]
    public async Task RoundRobinOrder_SurvivesARestartOfTheHost()
    {
        var database = TestDatabase.NewSqliteFile(nameof(RoundRobinApiTests));
        List<string> beforeRestart;
        await using (var host = new RoutingHost(database))
            beforeRestart = await PostDachLeadsAsync(host.Start(), 4, parallel: false);

        await using var restarted = new RoutingHost(database);
        var afterRestart = await PostDachLeadsAsync(restarted.Start(), 2, parallel: false);

        Assert.Equal(["dach-1", "dach-2", "dach-3", "dach-1"], beforeRestart);
        Assert.Equal(["dach-2", "dach-3"], afterRestart);
    }

    private static async Task<List<string>> PostDachLeadsAsync(HttpClient client, int count, bool parallel)
    {
        if (parallel)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => client.PostLeadAsync(LeadPayloads.QualifiedDach())));
            return [.. await Task.WhenAll(responses.Select(async r => (await r.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<LeadDecision>())!.RepId!))];
        }

        var reps = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostLeadAsync(LeadPayloads.QualifiedDach());
            reps.Add((await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<LeadDecision>())!.RepId!);
        }

        return reps;
    }
}
