namespace SalesOps.Routing.Host.Leads;

internal static class SqlServerLeadHistorySql
{
    public static LeadHistoryStatements Statements { get; } = new()
    {
        SelectLeadNow = "SELECT status AS Status, team_id AS TeamId, rep_id AS RepId FROM dbo.leads WHERE id = @Id",
    };
}
