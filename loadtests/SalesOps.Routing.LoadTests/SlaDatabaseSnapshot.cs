using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// Every SLA clock in a stopped (or running) host's database, the SLA events written for each, and
/// the leads' open assignments: what the lags and the exactly-once checks are computed from.
/// </summary>
internal sealed class SlaDatabaseSnapshot
{
    private SlaDatabaseSnapshot(List<SlaTimerFacts> timers, Dictionary<(string TimerId, string Type), int> events, Dictionary<string, int> openAssignments)
    {
        Timers = timers;
        Events = events;
        OpenAssignments = openAssignments;
    }

    public IReadOnlyList<SlaTimerFacts> Timers { get; }

    /// <summary>Events per clock and type (sla.warning, sla.breached, sla.reassigned, sla.escalated).</summary>
    public IReadOnlyDictionary<(string TimerId, string Type), int> Events { get; }

    /// <summary>Assignments not ended, per lead that has any.</summary>
    public IReadOnlyDictionary<string, int> OpenAssignments { get; }

    public int EventCount(string timerId, string type) => Events.GetValueOrDefault((timerId, type));

    public static async Task<SlaDatabaseSnapshot> ReadAsync(string databasePath, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        var terms = new Dictionary<string, (int MaxReassignments, bool Escalates)>(StringComparer.Ordinal);
        var timers = new List<SlaTimerFacts>();
        await foreach (var r in RowsAsync(connection, """
            SELECT id, lead_id, cycle, kind, state, warn_at, due_at, warned_at, breached_at, policy_terms FROM sla_timers
            """, cancellationToken))
        {
            var policy = (string)r[9]!;
            if (!terms.TryGetValue(policy, out var actions))
                terms[policy] = actions = BreachActions(policy);
            timers.Add(new SlaTimerFacts((string)r[0]!, (string)r[1]!, (int)(long)r[2]!, (string)r[3]!, (string)r[4]!,
                Instant(r[5])!.Value, Instant(r[6])!.Value, Instant(r[7]), Instant(r[8]), actions.MaxReassignments, actions.Escalates));
        }

        var events = new Dictionary<(string, string), int>();
        await foreach (var r in RowsAsync(connection, """
            SELECT timer_id, event_type, COUNT(*) FROM outbox_events WHERE timer_id IS NOT NULL GROUP BY timer_id, event_type
            """, cancellationToken))
        {
            events[((string)r[0]!, (string)r[1]!)] = (int)(long)r[2]!;
        }

        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var r in RowsAsync(connection, "SELECT lead_id, COUNT(*) FROM assignments WHERE ended_at IS NULL GROUP BY lead_id", cancellationToken))
            open[(string)r[0]!] = (int)(long)r[1]!;
        return new SlaDatabaseSnapshot(timers, events, open);
    }

    private static (int MaxReassignments, bool Escalates) BreachActions(string termsJson)
    {
        using var document = JsonDocument.Parse(termsJson);
        var maxReassignments = 0;
        var escalates = false;
        if (document.RootElement.TryGetProperty("onBreach", out var actions))
        {
            foreach (var action in actions.EnumerateArray())
            {
                var name = action.GetProperty("action").GetString();
                if (name == "reassign")
                    maxReassignments = action.TryGetProperty("maxTimes", out var max) ? max.GetInt32() : 1;
                escalates |= name == "escalate";
            }
        }

        return (maxReassignments, escalates);
    }

    private static DateTimeOffset? Instant(object? value) => value is string text ? SeedTable.ParseInstant(text) : null;

    private static async IAsyncEnumerable<object?[]> RowsAsync(SqliteConnection connection, string sql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            yield return row;
        }
    }
}
