using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.Host.Tests.Faults;

/// <summary>
/// The SLA half of <see cref="StoreConsistency"/>: every assigned lead got its clock, no clock was
/// left running past its deadline, and each warning, breach and move was recorded once.
/// </summary>
internal static class SlaConsistency
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(SqliteConnection connection, IReadOnlyCollection<AcknowledgedLead> acknowledged,
        DateTimeOffset settledBefore, int maxReassignments) =>
    [
        .. await EveryAssignedLeadHasItsFirstClockAsync(connection, acknowledged),
        .. await NoClockLeftRunningPastItsDeadlineAsync(connection, settledBefore),
        .. await EachEventRecordedOnceAsync(connection),
        .. await EveryBreachHasItsEventAsync(connection),
        .. await EveryMoveStartedOneNextClockAsync(connection, maxReassignments),
    ];

    private static async Task<IEnumerable<string>> EveryAssignedLeadHasItsFirstClockAsync(SqliteConnection connection,
        IReadOnlyCollection<AcknowledgedLead> acknowledged)
    {
        var firstClocks = (await connection.QueryAsync<(string LeadId, string? RepId)>(
                "SELECT lead_id, rep_id FROM sla_timers WHERE cycle = 1 AND kind = 'first-touch'"))
            .ToLookup(t => t.LeadId, t => t.RepId);
        return acknowledged
            .Where(ack => ack.RepId is not null && !firstClocks[ack.Id].SequenceEqual([ack.RepId]))
            .Select(ack => $"{ack.ExternalId}: assigned to {ack.RepId}, first-touch clocks of cycle 1: [{string.Join(", ", firstClocks[ack.Id])}]");
    }

    private static async Task<IEnumerable<string>> NoClockLeftRunningPastItsDeadlineAsync(SqliteConnection connection, DateTimeOffset settledBefore)
    {
        // Read back and compared here: the stored text format is the provider's, not ours to compare against.
        var open = await connection.QueryAsync<(string Id, string State, string DueAt)>(
            "SELECT id, state, due_at FROM sla_timers WHERE state IN ('running', 'warning')");
        return open
            .Where(t => DateTimeOffset.Parse(t.DueAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) < settledBefore)
            .Select(t => $"timer {t.Id}: still {t.State}, due at {t.DueAt}: its breach was lost");
    }

    private static async Task<IEnumerable<string>> EachEventRecordedOnceAsync(SqliteConnection connection)
    {
        var repeated = await connection.QueryAsync<(string TimerId, string EventType, long Count)>("""
            SELECT timer_id, event_type, COUNT(*) FROM outbox_events
            WHERE timer_id IS NOT NULL GROUP BY timer_id, event_type HAVING COUNT(*) > 1
            """);
        return repeated.Select(r => $"timer {r.TimerId}: {r.EventType} recorded {r.Count} times");
    }

    private static async Task<IEnumerable<string>> EveryBreachHasItsEventAsync(SqliteConnection connection)
    {
        var breachedWithoutEvent = await connection.QueryAsync<string>("""
            SELECT t.id FROM sla_timers t
            WHERE t.breached_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.timer_id = t.id AND e.event_type = 'sla.breached')
            """);
        var eventWithoutBreach = await connection.QueryAsync<string>("""
            SELECT e.timer_id FROM outbox_events e JOIN sla_timers t ON t.id = e.timer_id
            WHERE e.event_type = 'sla.breached' AND t.breached_at IS NULL
            """);
        return
        [
            .. breachedWithoutEvent.Select(id => $"timer {id}: breached without an sla.breached event"),
            .. eventWithoutBreach.Select(id => $"timer {id}: sla.breached event, but the timer has no breach"),
        ];
    }

    private static async Task<IEnumerable<string>> EveryMoveStartedOneNextClockAsync(SqliteConnection connection, int maxReassignments)
    {
        var movesWithoutNextClock = await connection.QueryAsync<string>("""
            SELECT t.id FROM sla_timers t
            JOIN outbox_events e ON e.timer_id = t.id AND e.event_type = 'sla.reassigned'
            WHERE NOT EXISTS (SELECT 1 FROM sla_timers n WHERE n.lead_id = t.lead_id AND n.kind = t.kind AND n.cycle = t.cycle + 1)
            """);
        var tooManyCycles = await connection.QueryAsync<(string LeadId, long Cycles)>(
            "SELECT lead_id, MAX(cycle) FROM sla_timers WHERE kind = 'first-touch' GROUP BY lead_id HAVING MAX(cycle) > @Limit",
            new { Limit = 1 + maxReassignments });
        var ownerMismatch = await connection.QueryAsync<(string LeadId, string? TimerRep, string? LeadRep)>("""
            SELECT t.lead_id, t.rep_id, l.rep_id FROM sla_timers t JOIN leads l ON l.id = t.lead_id
            WHERE t.kind = 'first-touch' AND t.state IN ('running', 'warning', 'paused') AND COALESCE(t.rep_id, '') <> COALESCE(l.rep_id, '')
            """);
        return
        [
            .. movesWithoutNextClock.Select(id => $"timer {id}: lead moved on breach, but no next clock was started"),
            .. tooManyCycles.Select(l => $"lead {l.LeadId}: {l.Cycles} first-touch cycles, more than {maxReassignments} reassignment(s) allow"),
            .. ownerMismatch.Select(m => $"lead {m.LeadId}: open clock runs for {m.TimerRep}, the lead belongs to {m.LeadRep}"),
        ];
    }
}
