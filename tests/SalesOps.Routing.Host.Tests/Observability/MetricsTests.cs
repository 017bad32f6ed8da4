using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Observability;

public sealed class MetricsTests
{
    private const string OpenTimers = "salesops_routing_sla_open_timers";
    private static readonly (string, string) Dach = ("team", "EMEA-DACH");

    [Fact]
    public async Task OpenTimers_AreCountedInTheDatabase_SoAHostThatSawNothingAgrees_AndATouchTakesOneOff()
    {
        var database = TestDatabase.NewSqliteFile(nameof(MetricsTests));
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z"));
        await using var first = Create(database, clock);
        var client = first.Start();
        var touched = await client.PostLeadIdAsync(WarmDach());
        var paused = await client.PostLeadIdAsync(WarmDach());
        await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());

        // A second host on the same database, started after the leads came in: as a restart, or a
        // neighbour behind the same load balancer, it knows of the clocks only from the database.
        await using var second = Create(database, clock);
        second.Start();
        var secondViewer = second.ClientWithKey(TestKeys.Viewer);
        var atStart = await MetricsScrape.ReadAsync(secondViewer);

        clock.SetUtcNow(Utc("2026-03-02T09:11:15Z")); // the hot lead's clock warns; the warm ones have 240 minutes
        await first.SweepAsync();
        (await client.TouchAsync(touched, "dach-1")).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/leads/{paused}/sla/pause", null)).EnsureSuccessStatusCode();
        var later = await MetricsScrape.ReadAsync(secondViewer);
        var fromFirst = await MetricsScrape.ReadAsync(first.ClientWithKey(TestKeys.Viewer));

        Assert.Equal(3, atStart.Value(OpenTimers, ("state", "running"), Dach));
        Assert.Equal(0, atStart.Value(OpenTimers, ("state", "warning")));
        Assert.True(later.Has(OpenTimers, ("state", "running"), Dach), "a state whose clocks all moved on must read 0, not vanish");
        Assert.Equal((0, 1, 1), (later.Value(OpenTimers, ("state", "running"), Dach), later.Value(OpenTimers, ("state", "warning"), Dach),
            later.Value(OpenTimers, ("state", "paused"), Dach)));
        Assert.Equal(2, later.Value(OpenTimers));
        Assert.Equal(later.Value(OpenTimers), fromFirst.Value(OpenTimers));
        Assert.Equal(await first.QueryScalarAsync<long>("SELECT COUNT(*) FROM sla_timers WHERE state IN ('running', 'warning', 'paused', 'breached')"),
            (long)later.Value(OpenTimers));
    }
}
