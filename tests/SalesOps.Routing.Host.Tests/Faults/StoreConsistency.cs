using Dapper;
using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.Host.Tests.Faults;

/// <summary>
/// Checks a database left behind by crashes against what was acknowledged, reading it as an
/// operator would. Each check returns the problems it found, so one run reports all of them.
/// </summary>
internal static class StoreConsistency
{
    /// <param name="slaSettledBefore">Clocks due before this instant must have been swept by now.</param>
    /// <param name="maxReassignments">The most times the SLA policy moves a lead on breach.</param>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string database, IReadOnlyCollection<AcknowledgedLead> acknowledged,
        DateTimeOffset slaSettledBefore, int maxReassignments)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        return
        [
            .. await EveryAcknowledgedLeadStoredOnceAsync(connection, acknowledged),
            .. await NoHalfWrittenLeadAsync(connection),
            .. await OpenLeadCountersMatchAsync(connection),
            .. await RotationMatchesLastTurnAsync(connection),
            .. await SlaConsistency.ProblemsAsync(connection, acknowledged, slaSettledBefore, maxReassignments),
        ];
    }

    private static async Task<IEnumerable<string>> EveryAcknowledgedLeadStoredOnceAsync(SqliteConnection connection, IReadOnlyCollection<AcknowledgedLead> acknowledged)
    {
        var problems = new List<string>();
        foreach (var ack in acknowledged)
        {
            var rows = (await connection.QueryAsync<(string Id, string Status, string? RepId, long Assignments, long OpenAssignments)>("""
                SELECT l.id, d.status, d.rep_id,
                       (SELECT COUNT(*) FROM assignments a WHERE a.lead_id = l.id AND a.rep_id = d.rep_id),
                       (SELECT COUNT(*) FROM assignments a WHERE a.lead_id = l.id AND a.ended_at IS NULL)
                FROM leads l LEFT JOIN decisions d ON d.lead_id = l.id
                WHERE l.source = @Source AND l.external_id = @ExternalId
                """, new { ack.Source, ack.ExternalId })).ToList();
            if (rows.Count != 1)
                problems.Add($"{ack.ExternalId}: acknowledged as {ack.Id}, stored {rows.Count} times");
            else if (rows[0].Id != ack.Id || rows[0].Status != ack.Status || rows[0].RepId != ack.RepId)
                problems.Add($"{ack.ExternalId}: acknowledged {ack.Id}/{ack.Status}/{ack.RepId}, stored {rows[0].Id}/{rows[0].Status}/{rows[0].RepId}");
            else if (ack.RepId is not null && rows[0].Assignments != 1)
                problems.Add($"{ack.ExternalId}: assigned to {ack.RepId} but {rows[0].Assignments} assignment rows for that rep");
            else if (rows[0].OpenAssignments > 1)
                problems.Add($"{ack.ExternalId}: {rows[0].OpenAssignments} open assignments at once");
        }

        return problems;
    }

    private static async Task<IEnumerable<string>> NoHalfWrittenLeadAsync(SqliteConnection connection)
    {
        var withoutDecision = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM leads l LEFT JOIN decisions d ON d.lead_id = l.id WHERE d.lead_id IS NULL");
        var withoutAssignment = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM decisions d
            WHERE d.rep_id IS NOT NULL AND d.team_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.lead_id = d.lead_id)
            """);
        var orphanAssignments = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM assignments a LEFT JOIN leads l ON l.id = a.lead_id WHERE l.id IS NULL");
        return new[]
        {
            (withoutDecision, "leads without a decision"),
            (withoutAssignment, "assigned decisions without an assignment row"),
            (orphanAssignments, "assignments without a lead"),
        }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}");
    }

    private static async Task<IEnumerable<string>> OpenLeadCountersMatchAsync(SqliteConnection connection)
    {
        var mismatches = await connection.QueryAsync<(string RepId, long Counter, long Actual)>("""
            SELECT s.rep_id, s.open_leads,
                   (SELECT COUNT(*) FROM leads l WHERE l.rep_id = s.rep_id AND l.status IN ('assigned', 'working')) AS actual
            FROM rep_state s
            WHERE s.open_leads <> (SELECT COUNT(*) FROM leads l WHERE l.rep_id = s.rep_id AND l.status IN ('assigned', 'working'))
            """);
        return mismatches.Select(m => $"rep {m.RepId}: open_leads counter {m.Counter}, open leads stored {m.Actual}");
    }

    // A lead moved on breach takes a turn too when distribution chose its new owner (the last entry of its trace).
    private static async Task<IEnumerable<string>> RotationMatchesLastTurnAsync(SqliteConnection connection)
    {
        var mismatches = await connection.QueryAsync<(string TeamId, string LastRepId, string? LastAssigned)>("""
            SELECT r.team_id, r.last_rep_id,
                   (SELECT a.rep_id FROM assignments a
                    WHERE a.team_id = r.team_id
                      AND (a.reason = 'round-robin' OR (a.reason = 'sla-breach' AND json_extract(a.trace, '$[#-1].rule') = 'round-robin'))
                    ORDER BY a.id DESC LIMIT 1)
            FROM rotation r
            """);
        return mismatches.Where(m => m.LastAssigned is not null && m.LastAssigned != m.LastRepId)
            .Select(m => $"team {m.TeamId}: rotation says {m.LastRepId} had the last turn, the last round-robin assignment went to {m.LastAssigned}");
    }
}
