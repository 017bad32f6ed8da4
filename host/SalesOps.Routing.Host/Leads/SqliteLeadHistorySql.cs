namespace SalesOps.Routing.Host.Leads;

internal static class SqliteLeadHistorySql
{
    public static LeadHistoryStatements Statements { get; } = new()
    {
        SelectLeadNow = "SELECT status AS Status, team_id AS TeamId, rep_id AS RepId FROM leads WHERE id = @Id",
    };
}
