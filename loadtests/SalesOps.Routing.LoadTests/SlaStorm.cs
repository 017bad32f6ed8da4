using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// <c>sla-storm</c>: many first-touch clocks come due in the same second while the host keeps taking
/// leads. The host routes a few hundred varied leads under shortened SLA policies and records their
/// warnings; stopped, its database gets copies of those leads (<see cref="SlaStormSeeder"/>) all due
/// in one second a little ahead; restarted, its own scheduled sweep meets them. Measured: how long
/// until every one is breached, the lag of each, sweep throughput, host CPU and memory, and the
/// latency of leads posted meanwhile. Verified through the database afterwards.
/// </summary>
internal sealed class SlaStorm(RunSettings settings, string repository, string hostDll, string apiKey)
{
    private const int MaxTemplates = 200;
    private static readonly TimeSpan DueSpread = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BeforeStorm = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    // After seeding and the restart: time for a warm-up and a baseline of posting before the clocks come due.
    private static readonly TimeSpan LeadTime = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxStorm = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxWarningWait = TimeSpan.FromSeconds(90);

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var work = WorkFolder.NewPath();
        var rules = ShortSlaRules.Create(Path.Combine(repository, "rules"), work);
        var notes = new List<string>();

        var (database, startToReady) = await RouteTemplatesAsync(rules, work, cancellationToken);
        var seedStart = Now();
        var dueAt = DateTimeOffset.MinValue;
        var seeded = await SlaStormSeeder.SeedAsync(database, settings.Timers,
            seeding => dueAt = WholeSecond(Now() + (1.5 * seeding) + (2 * startToReady) + LeadTime), DueSpread, cancellationToken);
        var seedSeconds = (Now() - seedStart).TotalSeconds;
        Console.WriteLine(Invariant($"seeded {seeded.TimerIds.Count} clocks from {seeded.Templates} routed leads in {seedSeconds:F1} s, all due {dueAt:O} + {DueSpread.TotalSeconds:F0} s"));

        await using var host = await HostProcess.StartAsync(hostDll, rules, work, apiKey, database, settings.HostSettings, cancellationToken);
        var readyBeforeDue = (dueAt - Now()).TotalSeconds;
        if (readyBeforeDue < 0)
            notes.Add(Invariant($"The host was ready {-readyBeforeDue:F1} s after the clocks came due: its catch-up at start met the storm."));

        var acked = new AckedLeads();
        var results = new List<PhaseResult>();
        await using var watcher = SlaEventWatcher.Start(database, seeded.TimerIds);
        var (stoppedAt, usage) = await StormAsync(host, watcher, seeded, dueAt, acked, results, cancellationToken);
        var seen = await watcher.StopAsync();
        if (watcher.LastError is { } pollError)
            notes.Add($"The outbox reader failed at least once: {pollError}");
        await host.DisposeAsync();

        var snapshot = await SlaDatabaseSnapshot.ReadAsync(database, cancellationToken);
        var slaVerification = SlaVerifier.Verify(snapshot, seeded.TimerIds, stoppedAt - SlaSettle.Overdue);
        var leadVerification = await Verifier.VerifyAsync(database, acked, cancellationToken);
        var sla = Result(seeded, snapshot, seen, dueAt, seedSeconds, readyBeforeDue, watcher.LastTrackedBreachSeenAt, usage, slaVerification, notes);
        WorkFolder.Remove(work);
        Console.WriteLine($"breach lag (recorded): {sla.BreachLagRecorded}");
        Console.WriteLine($"breach lag (visible):  {sla.BreachLagVisible}");
        Console.WriteLine(Invariant($"all breached after {sla.AllBreachedVisibleSeconds:F1} s (visible), {sla.SweepTimersPerSecond:F0} clocks/s; host {usage.Cores:F2} cores, {usage.PeakRssMb:F0} MB"));
        Console.WriteLine($"verification: {leadVerification}");
        Console.WriteLine($"SLA verification: {slaVerification}");
        await Report.WriteAsync(settings.OutputFolder, settings, results, leadVerification, startToReady, sla, cancellationToken);
        return leadVerification.Passed && slaVerification.Passed ? 0 : 1;
    }

    /// <summary>Posts for a few seconds before the clocks come due, then until every seeded breach is visible; returns when the host has caught up.</summary>
    private async Task<(DateTimeOffset SettledAt, HostUsage Usage)> StormAsync(HostProcess host, SlaEventWatcher watcher, SeededTimers seeded,
        DateTimeOffset dueAt, AckedLeads acked, List<PhaseResult> results, CancellationToken cancellationToken)
    {
        using var client = LoadRunner.Client(host.BaseAddress, settings.Connections, apiKey);
        var driver = new OpenLoopDriver(client, settings.MaxInFlight);
        var leads = new LeadGenerator(settings.Seed);
        Task<PreparedBodies> PrepareAsync(TimeSpan duration, TimeSpan ahead) => PreparedBodies.PrepareAsync(leads, _runId,
            OpenLoopDriver.Requests(settings.Rate, duration, settings.MaxRequests), cancellationToken,
            (int)Math.Min(PreparedBodies.DefaultAhead, OpenLoopDriver.Requests(settings.Rate, ahead, settings.MaxRequests)));
        static Func<long, CancellationToken, ValueTask<HttpRequestMessage>> Post(PreparedBodies bodies) =>
            async (_, token) => new HttpRequestMessage(HttpMethod.Post, Target.Routing.Path) { Content = await bodies.NextAsync(token) };

        // A freshly started host compiles its paths on the first requests; that is not what the baseline is for.
        if (settings.Rate > 0 && dueAt - BeforeStorm - Now() > WarmUp)
        {
            await using var warmUp = await PrepareAsync(WarmUp, WarmUp);
            results.Add(await driver.RunAsync(settings.Scenario, Target.Routing.Name, "warm-up", settings.Rate, WarmUp, settings.MaxRequests, Post(warmUp), acked.RecordAsync, null, cancellationToken));
        }

        // Prepared now, while there is time: the storm starts when its clocks come due, not when its leads are ready.
        // It rarely lasts its bound, so only its first minute is generated ahead.
        await using var before = settings.Rate > 0 ? await PrepareAsync(BeforeStorm, BeforeStorm) : null;
        await using var during = settings.Rate > 0 ? await PrepareAsync(MaxStorm, TimeSpan.FromMinutes(1)) : null;
        if (dueAt - BeforeStorm - Now() is { Ticks: > 0 } untilBefore)
            await Task.Delay(untilBefore, cancellationToken);
        if (before is not null && dueAt - Now() > TimeSpan.FromSeconds(1))
            results.Add(await driver.RunAsync(settings.Scenario, Target.Routing.Name, "before storm", settings.Rate, dueAt - Now(), settings.MaxRequests, Post(before), acked.RecordAsync, null, cancellationToken));
        if (dueAt - Now() is { Ticks: > 0 } untilDue)
            await Task.Delay(untilDue, cancellationToken);

        host.Mark();
        var stormStart = Now();
        bool Drained() => watcher.TrackedBreaches >= seeded.TimerIds.Count || Now() - stormStart > MaxStorm;
        using (new Timer(_ => Console.WriteLine(Invariant($"  storm: {watcher.TrackedBreaches}/{seeded.TimerIds.Count} breaches visible")), null,
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)))
        {
            if (during is not null)
            {
                results.Add(await driver.RunAsync(settings.Scenario, Target.Routing.Name, "during storm", settings.Rate, MaxStorm, settings.MaxRequests, Post(during),
                    acked.RecordAsync, Drained, cancellationToken));
            }

            while (!Drained())
                await Task.Delay(SlaEventWatcher.Interval, cancellationToken);
        }

        var usage = host.Usage();
        if (results.Count > 0 && results[^1].Phase == "during storm")
            results[^1] = results[^1].WithHost(usage);
        return (await SlaSettle.WaitAsync(host.DatabasePath, null, cancellationToken), usage);
    }

    /// <summary>Routes the templates through the real API on a fresh database and waits until the sweep has warned their clocks.</summary>
    private async Task<(string Database, TimeSpan StartToReady)> RouteTemplatesAsync(string rules, string work, CancellationToken cancellationToken)
    {
        await using var host = await HostProcess.StartAsync(hostDll, rules, work, apiKey, null, settings.HostSettings, cancellationToken);
        using var client = LoadRunner.Client(host.BaseAddress, 16, apiKey);
        var leads = new LeadGenerator(settings.Seed + 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, Math.Min(MaxTemplates, settings.Timers)), options, async (_, token) =>
        {
            byte[] lead;
            lock (leads)
                lead = leads.Next($"{_runId}-template");
            using var response = await client.PostAsync(Target.Routing.Path, LeadGenerator.Content(lead), token);
            response.EnsureSuccessStatusCode();
        });

        var waited = TimeProvider.System.GetTimestamp();
        while (await SlaSettle.CountAsync(host.DatabasePath, "SELECT COUNT(*) FROM sla_timers WHERE state = 'running' AND started_at < @Before", Now(), cancellationToken) > 0
            && TimeProvider.System.GetElapsedTime(waited) < MaxWarningWait)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return (host.DatabasePath, host.StartToReady);
    }

    private static SlaResult Result(SeededTimers seeded, SlaDatabaseSnapshot snapshot, IReadOnlyList<SeenSlaEvent> seen, DateTimeOffset dueAt, double seedSeconds,
        double readyBeforeDue, DateTimeOffset? lastSeen, HostUsage usage, SlaVerification verification, List<string> notes)
    {
        var ids = seeded.TimerIds.ToHashSet(StringComparer.Ordinal);
        var stormTimers = snapshot.Timers.Where(t => ids.Contains(t.Id)).ToList();
        var lastRecorded = stormTimers.Max(t => t.BreachedAt);
        var visibleSeconds = lastSeen is { } last ? (last - dueAt).TotalSeconds : (double?)null;
        return new SlaResult
        {
            Rules = ShortSlaRules.Describe(),
            BreachLagRecorded = LagStats.From(stormTimers.Where(t => t.BreachedAt is not null).Select(t => (t.BreachedAt!.Value - t.DueAt).TotalMilliseconds)),
            BreachLagVisible = LagStats.From(seen.Where(e => e.IsBreach && ids.Contains(e.TimerId)).Select(e => e.LagMs)),
            WarningLagRecorded = LagStats.From(snapshot.Timers.Where(t => !ids.Contains(t.Id) && t.WarnedAt is not null).Select(t => (t.WarnedAt!.Value - t.WarnAt).TotalMilliseconds)),
            Verification = verification,
            Notes = notes,
            StormTimers = seeded.TimerIds.Count,
            StormTemplates = seeded.Templates,
            SeedSeconds = seedSeconds,
            StormDueAt = dueAt,
            HostReadySecondsBeforeDue = readyBeforeDue,
            AllBreachedRecordedSeconds = lastRecorded is { } recorded ? (recorded - dueAt).TotalSeconds : null,
            AllBreachedVisibleSeconds = visibleSeconds,
            SweepTimersPerSecond = visibleSeconds is > 0 ? seeded.TimerIds.Count / visibleSeconds : null,
            StormHostCpuCores = usage.Cores,
            StormHostPeakRssMb = usage.PeakRssMb,
        };
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset instant) =>
        new DateTimeOffset(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
