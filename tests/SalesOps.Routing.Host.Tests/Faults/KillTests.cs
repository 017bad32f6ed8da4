using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
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
    private const int SweepKills = 3;
    private const int CatchUpLeadsPerSender = 50;
    private const int MaxReassignments = 1;

    // One-minute clocks around the clock (the shortest a policy may set), so every assigned lead gets one
    // whatever the hour the test runs at.
    private const string ShortSlaPolicy = """
        {
          "$schema": "./schema/sla.schema.json",
          "calendars": {},
          "teams": {},
          "escalationQueue": "sales-leadership",
          "policies": [],
          "default": {
            "calendar": "24x7",
            "targets": { "first-touch": 1 },
            "warnAtPercent": 50,
            "onBreach": [
              { "action": "notify", "to": "rep" },
              { "action": "reassign", "maxTimes": 1 },
              { "action": "escalate", "to": "queue:sales-leadership" }
            ]
          }
        }
        """;

    [Fact]
    public async Task SigkillAtRandomMoments_UnderLoad_LosesNoAcknowledgedLead_NorStoresOneTwice_NorLosesOrRepeatsAnSlaEvent()
    {
        var database = TestDatabase.NewSqliteFile(nameof(KillTests));
        using var rules = new TempRuleFolder();
        rules.Edit("sla.json", _ => ShortSlaPolicy);
        string[] settings = [$"--Rules:Path={rules.Path}"];
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var acknowledged = new ConcurrentDictionary<string, AcknowledgedLead>();
        // Posts whose answer was lost in a crash: the sender cannot know whether they were stored, so it retries them.
        var unanswered = new ConcurrentDictionary<string, JsonObject>();

        for (var round = 1; round <= Kills; round++)
        {
            await using var host = await RoutingProcess.StartAsync(database, settings);
            using var client = host.CreateClient();
            // One lead first, so the kill lands in steady load rather than in the first request's warm-up.
            Assert.True(await TryPostAsync(client, NextLead(random, acknowledged, unanswered), acknowledged), host.Output);
            using var load = new CancellationTokenSource();
            var senders = Enumerable.Range(0, Senders)
                .Select(sender => SendUntilStoppedAsync(client, new Random(seed + (round * Senders) + sender), acknowledged, unanswered, load.Token))
                .ToList();

            await Task.Delay(random.Next(200, 1000));
            host.Kill();
            // Posts in flight meet the kill; no new one goes out while the port is being freed.
            await load.CancelAsync();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(10));
            await Task.WhenAll(senders);
            output.WriteLine($"kill {round}: {acknowledged.Count} acknowledged so far, {unanswered.Count} unanswered");
        }

        await using (var host = await RoutingProcess.StartAsync(database, settings))
        {
            using var client = host.CreateClient();
            foreach (var (_, lead) in unanswered)
                Assert.True(await TryPostAsync(client, lead, acknowledged), $"retry after restart failed:{Environment.NewLine}{host.Output}");
            var valid = await client.PostLeadAsync(LeadPayloads.QualifiedDach());
            Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
            await Task.WhenAll(Enumerable.Range(0, Senders).Select(async sender =>
            {
                for (var i = 0; i < CatchUpLeadsPerSender; i++)
                    Assert.True(await TryPostAsync(client, LeadPayloads.QualifiedDach(), acknowledged), host.Output);
            }));
        }

        // The host was down while every clock ran out: the catch-up sweep at the next start breaches and
        // moves them all, and is itself killed part-way, more than once.
        await ShiftOpenClocksIntoThePastAsync(database, TimeSpan.FromMinutes(2));
        var settledBefore = TimeProvider.System.GetUtcNow();
        for (var kill = 1; kill <= SweepKills; kill++)
        {
            await using var host = RoutingProcess.Launch(database, settings);
            await Task.Delay(random.Next(500, 2500));
            host.Kill();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(10));
            output.WriteLine($"sweep kill {kill}: {await OverdueClocksAsync(database, settledBefore)} clocks still overdue");
        }

        await using (var host = await RoutingProcess.StartAsync(database, settings))
            await Eventually.WaitForAsync(() => OverdueClocksAsync(database, settledBefore), overdue => overdue == 0, "the catch-up sweep to finish");

        output.WriteLine($"seed {seed}: {acknowledged.Count} leads acknowledged across {Kills} kills");
        Assert.True(acknowledged.Count > Kills * Senders, "too little load reached the host between kills to mean anything");
        var problems = await StoreConsistency.ProblemsAsync(database, [.. acknowledged.Values], settledBefore, MaxReassignments);
        Assert.True(problems.Count == 0, $"seed {seed}:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(20))}");
    }

    private static async Task ShiftOpenClocksIntoThePastAsync(string database, TimeSpan by)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        var open = await connection.QueryAsync<(string Id, string StartedAt, string WarnAt, string DueAt)>(
            "SELECT id, started_at, warn_at, due_at FROM sla_timers WHERE state IN ('running', 'warning')");
        foreach (var timer in open)
        {
            await connection.ExecuteAsync("UPDATE sla_timers SET started_at = @StartedAt, warn_at = @WarnAt, due_at = @DueAt WHERE id = @Id", new
            {
                timer.Id,
                StartedAt = Instant(timer.StartedAt) - by,
                WarnAt = Instant(timer.WarnAt) - by,
                DueAt = Instant(timer.DueAt) - by,
            });
        }
    }

    private static async Task<long> OverdueClocksAsync(string database, DateTimeOffset dueBefore)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        var open = await connection.QueryAsync<string>("SELECT due_at FROM sla_timers WHERE state IN ('running', 'warning')");
        return open.Count(due => Instant(due) < dueBefore);
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

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
            // 401: another test's host on a killed host's port (see RoutingProcess); the lead never reached this test's database.
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Unauthorized)
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
                // One snapshot of the keys: other senders add to the dictionary meanwhile, so its
                // Count read apart can be past the end of the snapshot.
                var keys = acknowledged.Keys;
                next["externalId"] = keys.ElementAt(random.Next(keys.Count));
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
