using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// Reads the outbox from outside the host, as a consumer of its events would, and notes when each
/// SLA warning and breach first became visible. The host stamps <c>breached_at</c> when a sweep
/// batch starts; the event is visible only once the batch commits, so this lag also counts the
/// batch's own work. Polls new rows by sequence number (the primary key) every
/// <see cref="Interval"/>, so it is cheap for the host and at most one interval late.
/// </summary>
internal sealed class SlaEventWatcher : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly string _connectionString;
    private readonly HashSet<string> _tracked;
    private readonly List<SeenSlaEvent> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _lastSeq;
    private int _trackedBreaches;
    private int _disposed;

    private SlaEventWatcher(string databasePath, IEnumerable<string> tracked)
    {
        _connectionString = $"Data Source={databasePath};Mode=ReadOnly;Pooling=False";
        _tracked = new HashSet<string>(tracked, StringComparer.Ordinal);
        _loop = PollAsync(_stop.Token);
    }

    /// <summary>Breaches seen so far of the timers the watcher was told to track.</summary>
    public int TrackedBreaches => Volatile.Read(ref _trackedBreaches);

    /// <summary>Why the last poll failed, if it did; a poll that keeps failing would otherwise look like a sweep that records nothing.</summary>
    public string? LastError { get; private set; }

    /// <summary>When the last breach of a tracked timer became visible.</summary>
    public DateTimeOffset? LastTrackedBreachSeenAt { get; private set; }

    public static SlaEventWatcher Start(string databasePath, IEnumerable<string>? tracked = null) => new(databasePath, tracked ?? []);

    /// <summary>Stops polling after one last poll, and returns everything seen.</summary>
    public async Task<IReadOnlyList<SeenSlaEvent>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await PollOnceAsync(CancellationToken.None);
        return _seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                await PollOnceAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        // Anything this poll returns was committed before it started.
        var polledAt = TimeProvider.System.GetUtcNow();
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT o.seq, o.event_type, o.timer_id, t.warn_at, t.due_at
                FROM outbox_events o JOIN sla_timers t ON t.id = o.timer_id
                WHERE o.seq > @Last AND o.event_type IN ('sla.warning', 'sla.breached')
                ORDER BY o.seq
                """;
            command.Parameters.AddWithValue("@Last", _lastSeq);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                _lastSeq = reader.GetInt64(0);
                var type = reader.GetString(1);
                var timerId = reader.GetString(2);
                var isBreach = type == "sla.breached";
                var dueAt = SeedTable.ParseInstant(reader.GetString(isBreach ? 4 : 3));
                _seen.Add(new SeenSlaEvent(timerId, type, dueAt, polledAt));
                if (isBreach && _tracked.Contains(timerId))
                {
                    Interlocked.Increment(ref _trackedBreaches);
                    LastTrackedBreachSeenAt = polledAt;
                }
            }
        }
        catch (SqliteException ex)
        {
            // The host may hold the file exclusively for a moment (a checkpoint); the next poll catches up.
            LastError = ex.Message;
        }
    }
}
