using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Sla;

public sealed class SlaTwoSweeperTests
{
    private const int Leads = 24;

    [Fact]
    public async Task TwoHostsWithSchedulersOnOneDatabase_RecordEachWarningAndBreachExactlyOnce()
    {
        var database = TestDatabase.NewSqliteFile(nameof(SlaTwoSweeperTests));
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z"));
        var settings = new Dictionary<string, string?>
        {
            ["Sla:ScheduledSweep"] = "true",
            ["Sla:SweepInterval"] = "00:00:00.020",
            ["Sla:BatchSize"] = "3",
        };
        await using var first = Create(database, clock, settings);
        await using var second = Create(database, clock, settings);
        var client = first.Start();
        second.Start();
        for (var i = 0; i < Leads; i++)
            await client.PostLeadIdAsync(i % 2 == 0 ? LeadPayloads.QualifiedDach() : WarmDach());

        // Both schedulers run on their own; both sweepers are also driven at once, at the warning and at the deadlines.
        foreach (var at in new[] { "2026-03-02T09:12:00Z", "2026-03-02T09:16:00Z", "2026-03-02T13:30:00Z" })
        {
            clock.SetUtcNow(Utc(at));
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).SweepAsync()));
        }

        // The schedulers alone record the third cycles' breaches (due 13:45Z) once the clock passes them.
        clock.SetUtcNow(Utc("2026-03-02T13:46:00Z"));
        Assert.True(await EventuallyAsync(async () => await first.QueryScalarAsync<long>(
            "SELECT COUNT(*) FROM sla_timers WHERE cycle = 3 AND breached_at IS NOT NULL") == Leads / 2), "the scheduled sweeps did not record the breaches");

        // Quartz schedules on the host's TimeProvider, so on the fake clock each scheduler fires as the test moves time.
        // Each host swept 7 times by hand (the catch-up at start and 3 x 2 above); more means its scheduler swept too.
        Assert.True(await EventuallyAsync(() => Task.FromResult(Sweeps(first) > 7 && Sweeps(second) > 7)),
            $"a scheduler is not sweeping: {Sweeps(first)} and {Sweeps(second)} sweeps");

        var events = await first.EventsAsync();
        var perTimer = events.Where(e => e.TimerId is not null).GroupBy(e => (e.TimerId, e.EventType)).ToList();
        Assert.All(perTimer, group => Assert.Single(group));
        Assert.Equal(Leads / 2, events.Count(e => e.EventType == "sla.warning"));
        Assert.Equal(Leads, await first.QueryScalarAsync<long>("SELECT COUNT(*) FROM sla_timers WHERE cycle = 1 AND breached_at IS NOT NULL"));
        Assert.Equal(2 * Leads, events.Count(e => e.EventType == "sla.breached"));
        Assert.Equal(await first.QueryScalarAsync<long>("SELECT COUNT(*) FROM sla_timers WHERE breached_at IS NOT NULL"), events.Count(e => e.EventType == "sla.breached"));
        Assert.Equal(0, await first.QueryScalarAsync<long>("SELECT COUNT(*) FROM sla_timers WHERE state IN ('running', 'warning') AND due_at <= @now", new { now = clock.GetUtcNow() }));
    }

    private static long Sweeps(RoutingHost host) => host.Services.GetRequiredService<SlaSweeper>().CompletedSweeps;

    // Waits for background work, not for speed: the bound only keeps a broken build from hanging.
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }

        return false;
    }
}
