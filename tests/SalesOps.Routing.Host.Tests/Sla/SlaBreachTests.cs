using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Sla;

public sealed class SlaBreachTests
{
    [Fact]
    public async Task HotLeadIgnored_WarnsThenBreaches_MovesToTheNextRepTwice_ThenEscalatesToTheManager()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z")); // Mon 10:00 in Berlin
        await using var host = Create(TestDatabase.NewSqliteFile(nameof(SlaBreachTests)), clock);
        var client = host.Start();
        var leadId = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());

        var started = Assert.Single(await client.TimersAsync(leadId));
        Assert.Equal(("hot-inbound", "running", "dach-1"), (started.Policy, started.State, started.RepId));
        Assert.Equal(Utc("2026-03-02T09:11:15Z"), started.WarnAt);
        Assert.Equal(Utc("2026-03-02T09:15:00Z"), started.DueAt);

        clock.SetUtcNow(Utc("2026-03-02T09:11:15Z"));
        await host.SweepAsync();
        Assert.Equal("warning", Assert.Single(await client.TimersAsync(leadId)).State);

        clock.SetUtcNow(Utc("2026-03-02T09:15:00Z"));
        await host.SweepAsync();
        var afterFirst = await client.TimersAsync(leadId);
        Assert.Equal(["reassigned", "running"], afterFirst.Select(t => t.State));
        Assert.Equal(Utc("2026-03-02T09:15:00Z"), afterFirst[0].BreachedAt);
        Assert.Equal(("dach-2", 2, Utc("2026-03-02T09:30:00Z")), (afterFirst[1].RepId, afterFirst[1].Cycle, afterFirst[1].DueAt));
        Assert.Equal("dach-2", await host.QueryScalarAsync<string>("SELECT rep_id FROM leads WHERE id = @leadId", new { leadId }));

        clock.SetUtcNow(Utc("2026-03-02T09:30:00Z"));
        await host.SweepAsync();
        clock.SetUtcNow(Utc("2026-03-02T09:45:00Z"));
        await host.SweepAsync();

        var timers = await client.TimersAsync(leadId);
        Assert.Equal(["dach-1", "dach-2", "dach-3"], timers.Select(t => t.RepId));
        Assert.Equal(["reassigned", "reassigned", "breached"], timers.Select(t => t.State));
        Assert.Equal("manager:mgr-dach", timers[2].EscalatedTo);
        Assert.All(timers, t => Assert.False(t.DetectedLate));
        var events = await host.EventsAsync();
        Assert.Equal(["sla.warning", "sla.breached", "sla.reassigned", "sla.breached", "sla.reassigned", "sla.breached", "sla.escalated"],
            events.Select(e => e.EventType));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(3, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM assignments WHERE lead_id = @leadId", new { leadId }));
    }

    [Fact]
    public async Task OpsReassignment_RestartsTheFirstTouchClockForTheNewRep_AndKeepsTheOldCycle()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z"));
        await using var host = Create(TestDatabase.NewSqliteFile(nameof(SlaBreachTests)), clock);
        var client = host.Start();
        var leadId = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        clock.Advance(TimeSpan.FromMinutes(5));

        (await client.PostAsync("/api/reps/dach-1/reassign-open-leads", null)).EnsureSuccessStatusCode();

        var timers = await client.TimersAsync(leadId);
        Assert.Equal([("dach-1", "reassigned", 1), ("dach-2", "running", 2)], timers.Select(t => (t.RepId, t.State, t.Cycle)));
        Assert.Null(timers[0].BreachedAt);
        Assert.Equal(Utc("2026-03-02T09:20:00Z"), timers[1].DueAt);
        Assert.Equal("hot-inbound", timers[1].Policy);
    }

    [Fact]
    public async Task BreachAndReassignment_AreAnnouncedToOpenDashboards_AfterTheCommit()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z"));
        await using var host = Create(TestDatabase.NewSqliteFile(nameof(SlaBreachTests)), clock);
        var client = host.Start();
        var leadId = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        var hub = host.Services.GetRequiredService<DashboardEventHub>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<DashboardEvent>();
        var listening = Task.Run(async () =>
        {
            await foreach (var item in hub.SubscribeAsync(stop.Token))
            {
                received.Add(item);
                if (item.Type == "sla.reassigned")
                    return;
            }
        });
        while (hub.SubscriberCount == 0)
            await Task.Delay(10);

        clock.SetUtcNow(Utc("2026-03-02T09:15:00Z"));
        await host.SweepAsync();
        await listening;

        Assert.Equal([("sla.breached", "dach-1"), ("sla.reassigned", "dach-2")], received.Select(e => (e.Type, e.RepId)));
        Assert.All(received, e => Assert.Equal(leadId, e.LeadId));
    }

    [Fact]
    public async Task Sweep_RunTwice_RecordsEachWarningAndBreachOnce()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z"));
        await using var host = Create(TestDatabase.NewSqliteFile(nameof(SlaBreachTests)), clock);
        var client = host.Start();
        var leadId = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());

        clock.SetUtcNow(Utc("2026-03-02T09:12:00Z"));
        var first = await host.SweepAsync();
        var again = await host.SweepAsync();

        Assert.Equal((1, 0), (first.Warnings, first.Breaches));
        Assert.Equal(0, again.Claimed);
        Assert.Single(await host.EventsAsync(), e => e.LeadId == leadId);
    }
}
