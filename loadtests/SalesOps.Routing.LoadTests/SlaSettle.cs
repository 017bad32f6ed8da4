using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// Waits, after the load, until the host has recorded every breach due more than
/// <see cref="Overdue"/> ago, so the exactly-once check afterwards judges the sweep, not where the run happened to stop.
/// </summary>
internal static class SlaSettle
{
    public static readonly TimeSpan Overdue = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The instant from which nothing counting was overdue, nor due before <paramref name="dueBy"/> when given (the end
    /// of a load whose clocks are measured); the bound, if the sweep never caught up.
    /// </summary>
    public static async Task<DateTimeOffset> WaitAsync(string database, DateTimeOffset? dueBy, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < MaxWait)
        {
            var now = TimeProvider.System.GetUtcNow();
            var before = dueBy is { } end && end > now - Overdue ? end : now - Overdue;
            if (await CountAsync(database, "SELECT COUNT(*) FROM sla_timers WHERE state IN ('running', 'warning') AND due_at <= @Before", before, cancellationToken) == 0)
                return now;
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return TimeProvider.System.GetUtcNow();
    }

    /// <summary>A count from the host's database through a read-only connection; <c>@Before</c> is bound to <paramref name="before"/>.</summary>
    public static async Task<long> CountAsync(string database, string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@Before", before.ToUniversalTime());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
