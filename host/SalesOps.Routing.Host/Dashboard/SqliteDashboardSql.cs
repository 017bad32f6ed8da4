namespace SalesOps.Routing.Host.Dashboard;

internal static class SqliteDashboardSql
{
    public static DashboardStatements Statements { get; } = new()
    {
        AssignmentsByRepBetween = """
            SELECT team_id AS Team, rep_id AS RepId, COUNT(*) AS Leads
            FROM assignments WHERE assigned_at >= @From AND assigned_at < @To
            GROUP BY team_id, rep_id
            """,
        ReceivedBetween = "SELECT received_at FROM leads WHERE received_at >= @From AND received_at < @To",
    };
}
