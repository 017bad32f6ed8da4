namespace SalesOps.Routing.Host.Dashboard;

internal static class SqlServerDashboardSql
{
    public static DashboardStatements Statements { get; } = new()
    {
        AssignmentsByRepBetween = """
            SELECT team_id AS Team, rep_id AS RepId, COUNT_BIG(*) AS Leads
            FROM dbo.assignments WHERE assigned_at >= @From AND assigned_at < @To
            GROUP BY team_id, rep_id
            """,
        ReceivedBetween = "SELECT received_at FROM dbo.leads WHERE received_at >= @From AND received_at < @To",
    };
}
