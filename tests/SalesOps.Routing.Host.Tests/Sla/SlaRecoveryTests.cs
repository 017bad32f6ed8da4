using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Sla;

public sealed class SlaRecoveryTests
{
    [Fact]
    public async Task TimersDueWhileTheServiceWasDown_AreRecordedAtStart_InDeadlineOrder_AndMarkedLate()
    {
        var database = TestDatabase.NewSqliteFile(nameof(SlaRecoveryTests));
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z")); // Mon 10:00 Berlin
        string warm, hot, untouched;
        await using (var host = Create(database, clock))
        {
            var client = host.Start();
            warm = await client.PostLeadIdAsync(WarmDach());       // default policy: due 14:00 Berlin (13:00Z)
            clock.Advance(TimeSpan.FromMinutes(5));
            hot = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach()); // hot-inbound: due 10:20 Berlin (09:20Z)
            clock.SetUtcNow(Utc("2026-03-02T16:00:00Z"));
            untouched = await client.PostLeadIdAsync(WarmDach());  // due the next morning, after the outage
        }

        clock.SetUtcNow(Utc("2026-03-02T15:00:00Z").AddHours(2)); // the service was down from 16:00Z to 17:00Z
        await using var restarted = Create(database, clock);
        var restartedClient = restarted.Start();

        var breaches = (await restarted.EventsAsync()).Where(e => e.EventType == "sla.breached").ToList();
        Assert.Equal([hot, warm], breaches.Select(e => e.LeadId));
        Assert.All(breaches, e => Assert.True(JsonDocument.Parse(e.Payload).RootElement.GetProperty("detectedLate").GetBoolean()));
        var hotFirstCycle = (await restartedClient.TimersAsync(hot))[0];
        Assert.Equal((true, Utc("2026-03-02T17:00:00Z")), (hotFirstCycle.DetectedLate, hotFirstCycle.BreachedAt));
        Assert.Equal("running", Assert.Single(await restartedClient.TimersAsync(untouched)).State);
        Assert.Equal(0, (await restarted.SweepAsync()).Claimed);
    }
}
