namespace SalesOps.Routing.LoadTests;

/// <summary>
/// With <c>--short-sla</c>: watches the outbox while the load runs; afterwards lets the host record
/// what came due, stops it, and reports the lag of the clocks that came due while the load ran,
/// with the exactly-once check of every warning and breach.
/// </summary>
internal sealed class SlaLagProbe : IAsyncDisposable
{
    private readonly SlaEventWatcher _watcher;
    private readonly string _database;
    private readonly DateTimeOffset _loadStart = TimeProvider.System.GetUtcNow();
    private DateTimeOffset? _loadEnd;

    private SlaLagProbe(string database)
    {
        _database = database;
        _watcher = SlaEventWatcher.Start(database);
    }

    public static SlaLagProbe Start(string database) => new(database);

    public void LoadEnded() => _loadEnd ??= TimeProvider.System.GetUtcNow();

    public async Task<SlaResult> FinishAsync(HostProcess host, CancellationToken cancellationToken)
    {
        LoadEnded();
        var settledAt = await SlaSettle.WaitAsync(_database, _loadEnd, cancellationToken);
        var seen = await _watcher.StopAsync();
        await host.DisposeAsync();

        var snapshot = await SlaDatabaseSnapshot.ReadAsync(_database, cancellationToken);
        bool DuringLoad(DateTimeOffset instant) => instant >= _loadStart && instant <= _loadEnd;
        var notes = new List<string>();
        if (_watcher.LastError is { } error)
            notes.Add($"The outbox reader failed at least once: {error}");
        var breaches = snapshot.Timers.Where(t => DuringLoad(t.DueAt) && t.BreachedAt is not null).ToList();
        if (breaches.Count == 0)
            notes.Add($"No clock came due while the load ran: with {ShortSlaRules.FirstTouchMinutes}-minute clocks, run longer than {ShortSlaRules.FirstTouchMinutes} minute(s).");
        return new SlaResult
        {
            Rules = ShortSlaRules.Describe(),
            BreachLagRecorded = LagStats.From(breaches.Select(t => (t.BreachedAt!.Value - t.DueAt).TotalMilliseconds)),
            BreachLagVisible = LagStats.From(seen.Where(e => e.IsBreach && DuringLoad(e.DueAt)).Select(e => e.LagMs)),
            WarningLagRecorded = LagStats.From(snapshot.Timers.Where(t => DuringLoad(t.WarnAt) && t.WarnedAt is not null).Select(t => (t.WarnedAt!.Value - t.WarnAt).TotalMilliseconds)),
            Verification = SlaVerifier.Verify(snapshot, [], settledAt - SlaSettle.Overdue),
            Notes = notes,
        };
    }

    public ValueTask DisposeAsync() => _watcher.DisposeAsync();
}
