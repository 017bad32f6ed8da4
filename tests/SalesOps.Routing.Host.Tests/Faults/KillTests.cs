using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesOps.Routing.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesOps.Routing.Host.Tests.Faults;

[Collection(HeavyTests.Name)]
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Kills = 5;
    private const int Senders = 8;

    [Fact]
    public async Task SigkillAtRandomMoments_UnderLoad_LosesNoAcknowledgedLead_NorStoresOneTwice()
    {
        var database = TestDatabase.NewSqliteFile(nameof(KillTests));
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var acknowledged = new ConcurrentDictionary<string, AcknowledgedLead>();
        // Posts whose answer was lost in a crash: the sender cannot know whether they were stored, so it retries them.
        var unanswered = new ConcurrentDictionary<string, JsonObject>();

        for (var round = 1; round <= Kills; round++)
        {
            await using var host = await RoutingProcess.StartAsync(database);
            using var client = host.CreateClient();
            // One lead first, so the kill lands in steady load rather than in the first request's warm-up.
            Assert.True(await TryPostAsync(client, NextLead(random, acknowledged, unanswered), acknowledged), host.Output);
            using var load = new CancellationTokenSource();
            var senders = Enumerable.Range(0, Senders)
                .Select(sender => SendUntilStoppedAsync(client, new Random(seed + (round * Senders) + sender), acknowledged, unanswered, load.Token))
                .ToList();

            await Task.Delay(random.Next(200, 1000));
            host.Kill();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(10));
            await load.CancelAsync();
            await Task.WhenAll(senders);
            output.WriteLine($"kill {round}: {acknowledged.Count} acknowledged so far, {unanswered.Count} unanswered");
        }

        await using (var host = await RoutingProcess.StartAsync(database))
        {
            using var client = host.CreateClient();
            foreach (var (_, lead) in unanswered)
                Assert.True(await TryPostAsync(client, lead, acknowledged), $"retry after restart failed:{Environment.NewLine}{host.Output}");
            var valid = await client.PostLeadAsync(LeadPayloads.QualifiedDach());
            Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        }

        output.WriteLine($"seed {seed}: {acknowledged.Count} leads acknowledged across {Kills} kills");
        Assert.True(acknowledged.Count > Kills * Senders, "too little load reached the host between kills to mean anything");
        var problems = await StoreConsistency.ProblemsAsync(database, [.. acknowledged.Values]);
        Assert.True(problems.Count == 0, $"seed {seed}:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(20))}");
    }

    private static async Task SendUntilStoppedAsync(HttpClient client, Random random, ConcurrentDictionary<string, AcknowledgedLead> acknowledged,
        ConcurrentDictionary<string, JsonObject> unanswered, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var lead = NextLead(random, acknowledged, unanswered);
            if (!await TryPostAsync(client, lead, acknowledged))
            {
                unanswered[lead["externalId"]!.GetValue<string>()] = lead;
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    /// <summary>Posts the lead; true when it was acknowledged (and checks that a repeat got the first answer).</summary>
    private static async Task<bool> TryPostAsync(HttpClient client, JsonObject lead, ConcurrentDictionary<string, AcknowledgedLead> acknowledged)
    {
        var externalId = lead["externalId"]!.GetValue<string>();
        HttpResponseMessage response;
        try
        {
            response = await client.PostLeadAsync(lead);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                return false;
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"answered {(int)response.StatusCode}");
            var decision = (await response.Content.ReadFromJsonAsync<LeadDecision>())!;
            var ack = new AcknowledgedLead(decision.Source, externalId, decision.Id, decision.Status, decision.RepId);
            var first = acknowledged.GetOrAdd(externalId, ack);
            Assert.Equal(first, ack);
            return true;
        }
    }

    private static JsonObject NextLead(Random random, ConcurrentDictionary<string, AcknowledgedLead> acknowledged, ConcurrentDictionary<string, JsonObject> unanswered)
    {
        foreach (var (externalId, lead) in unanswered)
        {
            if (unanswered.TryRemove(externalId, out _))
                return lead;
        }

        var next = LeadPayloads.QualifiedDach();
        switch (random.Next(10))
        {
            case 0 when !acknowledged.IsEmpty:
                next["externalId"] = acknowledged.Keys.ElementAt(random.Next(acknowledged.Count));
                break;
            case 1 or 2:
                next["country"] = "United Kingdom";
                break;
            case 3:
                next["email"] = $"someone.{random.Next()}@gmail.com";
                break;
        }

        return next;
    }
}
