namespace SalesOps.Routing.Host.Dashboard;

internal static class SqlServerDashboardSql
{
    // A fragment, not a statement: static readonly rather than const, so only whole statements are
    // offered to the T-SQL checks. Only the company is read from the stored payload: the lead's
    // name, e-mail and phone stay off the dashboard.
    private static readonly string AttentionColumns = """
        t.id AS TimerId, t.lead_id AS LeadId, t.kind AS Kind, t.cycle AS Cycle, t.state AS State, t.team_id AS TeamId,
        t.rep_id AS RepId, t.policy_name AS Policy, t.warn_at AS WarnAt, t.due_at AS DueAt, t.breached_at AS BreachedAt,
        t.stopped_at AS StoppedAt, t.escalated_to AS EscalatedTo,
        CASE WHEN ISJSON(l.payload) = 1 THEN JSON_VALUE(l.payload, N'$.company') END AS Company
        """;

    public static DashboardStatements Statements { get; } = new()
    {
        AssignmentsByRepBetween = """
            SELECT team_id AS Team, rep_id AS RepId, COUNT_BIG(*) AS Leads
            FROM dbo.assignments WHERE assigned_at >= @From AND assigned_at < @To
            GROUP BY team_id, rep_id
            """,
        ReceivedBetween = "SELECT received_at FROM dbo.leads WHERE received_at >= @From AND received_at < @To",

        // Open breaches whenever they happened, plus every clock that breached since @Since and has
        // since moved on (reassigned, or touched late): a breach stays on the board for the day.
        // The next cycle's first-touch clock names the rep a reassignment moved the lead to.
        SelectBreached = $"""
            SELECT TOP (@Take) {AttentionColumns},
                   CASE WHEN t.state = N'reassigned' THEN
                       (SELECT n.rep_id FROM dbo.sla_timers AS n WHERE n.lead_id = t.lead_id AND n.cycle = t.cycle + 1 AND n.kind = N'first-touch')
                   END AS ReassignedTo
            FROM dbo.sla_timers AS t
            JOIN dbo.leads AS l ON l.id = t.lead_id
            WHERE (t.state = N'breached' OR (t.state IN (N'running', N'warning') AND t.due_at <= @Now) OR t.breached_at >= @Since)
              AND (@Team IS NULL OR t.team_id = @Team)
            ORDER BY COALESCE(t.breached_at, t.due_at) DESC, t.id
            """,
        SelectAtRisk = $"""
            SELECT TOP (@Take) {AttentionColumns}, CAST(NULL AS nvarchar(200)) AS ReassignedTo
            FROM dbo.sla_timers AS t
            JOIN dbo.leads AS l ON l.id = t.lead_id
            WHERE (t.state = N'warning' OR (t.state = N'running' AND t.warn_at <= @Now)) AND t.due_at > @Now
              AND (@Team IS NULL OR t.team_id = @Team)
            ORDER BY t.due_at, t.id
            """,
    };
}
