namespace SalesOps.Routing.Host.Dashboard;

internal static class SqliteDashboardSql
{
    // Only the company is read from the stored payload: the lead's name, e-mail and phone stay off
    // the dashboard. json_valid guards the one row whose payload SQLite would not parse.
    private const string AttentionColumns = """
        t.id AS TimerId, t.lead_id AS LeadId, t.kind AS Kind, t.cycle AS Cycle, t.state AS State, t.team_id AS TeamId,
        t.rep_id AS RepId, t.policy_name AS Policy, t.warn_at AS WarnAt, t.due_at AS DueAt, t.breached_at AS BreachedAt,
        t.stopped_at AS StoppedAt, t.escalated_to AS EscalatedTo,
        CASE WHEN json_valid(l.payload) THEN CAST(json_extract(l.payload, '$.company') AS TEXT) END AS Company
        """;

    public static DashboardStatements Statements { get; } = new()
    {
        AssignmentsByRepBetween = """
            SELECT team_id AS Team, rep_id AS RepId, COUNT(*) AS Leads
            FROM assignments WHERE assigned_at >= @From AND assigned_at < @To
            GROUP BY team_id, rep_id
            """,
        ReceivedBetween = "SELECT received_at FROM leads WHERE received_at >= @From AND received_at < @To",

        // Open breaches whenever they happened, plus every clock that breached since @Since and has
        // since moved on (reassigned, or touched late): a breach stays on the board for the day.
        // The next cycle's first-touch clock names the rep a reassignment moved the lead to.
        SelectBreached = $"""
            SELECT {AttentionColumns},
                   CASE WHEN t.state = 'reassigned' THEN
                       (SELECT n.rep_id FROM sla_timers n WHERE n.lead_id = t.lead_id AND n.cycle = t.cycle + 1 AND n.kind = 'first-touch')
                   END AS ReassignedTo
            FROM sla_timers t JOIN leads l ON l.id = t.lead_id
            WHERE (t.state = 'breached' OR (t.state IN ('running', 'warning') AND t.due_at <= @Now) OR t.breached_at >= @Since)
              AND (@Team IS NULL OR t.team_id = @Team)
            ORDER BY COALESCE(t.breached_at, t.due_at) DESC, t.id
            LIMIT @Take
            """,
        SelectAtRisk = $"""
            SELECT {AttentionColumns}, NULL AS ReassignedTo
            FROM sla_timers t JOIN leads l ON l.id = t.lead_id
            WHERE (t.state = 'warning' OR (t.state = 'running' AND t.warn_at <= @Now)) AND t.due_at > @Now
              AND (@Team IS NULL OR t.team_id = @Team)
            ORDER BY t.due_at, t.id
            LIMIT @Take
            """,
    };
}
