using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Observability;

public sealed class MetricsTests
{
    private const string SlaEvents = "salesops_routing_sla_events_total";
    private const string OpenTimers = "salesops_routing_sla_open_timers";
    private const string StageSeconds = "salesops_routing_group_commit_stage_seconds_total";
    private static readonly (string, string) Dach = ("team", "EMEA-DACH");

    [Fact]
    public async Task SlaSweep_WarningsAndBreaches_RaiseTheSlaEventCounters()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z")); // Mon 10:00 in Berlin
        await using var host = Create(TestDatabase.NewSqliteFile(nameof(MetricsTests)), clock);
        var client = host.Start();
        var viewer = host.ClientWithKey(TestKeys.Viewer);
        await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        var before = await MetricsScrape.ReadAsync(viewer);

        clock.SetUtcNow(Utc("2026-03-02T09:11:15Z")); // both hot leads' 15 minutes are 75% gone
        await host.SweepAsync();
        var warned = await MetricsScrape.ReadAsync(viewer);
        clock.SetUtcNow(Utc("2026-03-02T09:15:00Z"));
        await host.SweepAsync();
        var breached = await MetricsScrape.ReadAsync(viewer);

        Assert.Equal((0, 0), (Event(before, "warning"), Event(before, "breach")));
        Assert.Equal((2, 0), (Event(warned, "warning"), Event(warned, "breach")));
        Assert.Equal((2, 2, 2, 0), (Event(breached, "warning"), Event(breached, "breach"), Event(breached, "reassigned"), Event(breached, "escalated")));
    }

    [Fact]
    public async Task PostedLeads_MoveReceivedRoutedRejected_AndTheDecisionLatencyHistogram()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(MetricsTests)));
        var client = host.Start();
        var viewer = host.ClientWithKey(TestKeys.Viewer);
        var before = await MetricsScrape.ReadAsync(viewer);

        await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        await client.PostRawAsync("{\"source\":\"web\"}");
        await client.PostRawAsync("{\"source\":\"web\",\"externalId\":\"\\ud800\"}");
        var after = await MetricsScrape.ReadAsync(viewer);

        double Delta(string name, params (string, string)[] labels) => after.Value(name, labels) - before.Value(name, labels);
        Assert.Equal(4, Delta("salesops_routing_leads_received_total"));
        Assert.Equal(2, Delta("salesops_routing_leads_routed_total", ("status", "assigned")));
        Assert.Equal(1, Delta("salesops_routing_leads_rejected_total", ("reason", "invalid")));
        Assert.Equal(1, Delta("salesops_routing_leads_rejected_total", ("reason", "malformed")));
        Assert.Equal(2, Delta("salesops_routing_decision_duration_seconds_count"));
        Assert.True(Delta("salesops_routing_decision_duration_seconds_sum") > 0);
        Assert.Equal(2, Delta("salesops_routing_decision_duration_seconds_bucket", ("le", "+Inf")));
    }

    [Fact]
    public async Task GroupCommits_CountEveryLeadAndChangeOnce_AndTheirTime()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(MetricsTests)));
        var client = host.Start();
        var viewer = host.ClientWithKey(TestKeys.Viewer);
        var atStart = await MetricsScrape.ReadAsync(viewer);
        var first = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        var before = await MetricsScrape.ReadAsync(viewer);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostLeadIdAsync(LeadPayloads.QualifiedDach())));
        (await client.TouchAsync(first, "dach-1")).EnsureSuccessStatusCode();
        var after = await MetricsScrape.ReadAsync(viewer);

        double Delta(string name) => after.Value(name) - before.Value(name);
        Assert.Equal(21, Delta("salesops_routing_group_commit_items_sum"));
        var batches = Delta("salesops_routing_group_commit_items_count");
        Assert.InRange(batches, 2, 21);
        Assert.Equal(batches, Delta("salesops_routing_group_commit_seconds_count"));
        Assert.True(Delta("salesops_routing_group_commit_seconds_sum") > 0);
        Assert.Equal(0, after.Value("salesops_routing_group_commit_queued"));

        // The log is synced apart from the commits (the default): at least one sync answered them,
        // and never more syncs than batches, since one sync covers every batch committed before it.
        Assert.InRange(Delta("salesops_routing_log_sync_seconds_count"), 1, batches);
        Assert.True(Delta("salesops_routing_log_sync_seconds_sum") > 0);
        // Every item a batch took was timed from its queueing.
        Assert.Equal(21, Delta("salesops_routing_group_commit_wait_seconds_count"));

        // Each stage the batches went through was charged, and the stages' time lies within the batches'.
        double Stage(string stage) => after.Value(StageSeconds, ("stage", stage)) - before.Value(StageSeconds, ("stage", stage));
        string[] stages = ["connect", "routing-state", "changes", "lookups", "decide", "rows", "commit"];
        Assert.All(stages, stage => Assert.True(Stage(stage) > 0, $"no time charged to {stage}"));
        // The start-up rehearsal's batch (rolled back) is not the writer's work on leads.
        Assert.All(stages, stage => Assert.Equal(0, atStart.Value(StageSeconds, ("stage", stage))));
        Assert.InRange(stages.Sum(Stage), 0, Delta("salesops_routing_group_commit_seconds_sum"));
    }

    [Fact]
    public async Task GcPause_IsTheRuntimesTotal_AndGrowsWithACollection()
    {
        var (before, after) = await ScrapedAroundAsync(() => GC.Collect(2, GCCollectionMode.Forced, blocking: true));

        Assert.True(after.Value("salesops_routing_gc_pause_seconds_total") > before.Value("salesops_routing_gc_pause_seconds_total"));
        Assert.InRange(after.Value("salesops_routing_gc_pause_seconds_total"), 0, GC.GetTotalPauseDuration().TotalSeconds);
    }

    [Fact]
    public async Task AllocatedBytes_AreTheRuntimesTotal_AndGrowWithAnAllocation()
    {
        // Far more than a scrape allocates, so the difference is this array's and not noise.
        var (before, after) = await ScrapedAroundAsync(() => GC.KeepAlive(new byte[8 * 1024 * 1024]));

        Assert.True(after.Value("salesops_routing_gc_allocated_bytes_total") - before.Value("salesops_routing_gc_allocated_bytes_total") >= 8 * 1024 * 1024);
    }

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

    private static double Event(MetricsScrape scrape, string kind) => scrape.Value(SlaEvents, ("event", kind));

    // The process-wide runtime counters, scraped from a fresh host before and after what the test does in between.
    private static async Task<(MetricsScrape Before, MetricsScrape After)> ScrapedAroundAsync(Action between)
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(MetricsTests)));
        host.Start();
        var viewer = host.ClientWithKey(TestKeys.Viewer);
        var before = await MetricsScrape.ReadAsync(viewer);
        between();
        return (before, await MetricsScrape.ReadAsync(viewer));
    }
}
