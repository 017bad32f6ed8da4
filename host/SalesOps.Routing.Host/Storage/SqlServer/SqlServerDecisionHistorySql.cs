namespace SalesOps.Routing.Host.Storage.SqlServer;

internal static class SqlServerDecisionHistorySql
{
    public static DecisionHistoryStatements Statements { get; } = new()
    {
        SelectRotationBefore = """
            SELECT a.team_id AS TeamId, a.rep_id AS LastRepId
            FROM dbo.assignments a
            WHERE a.id IN (SELECT MAX(b.id) FROM dbo.assignments b WHERE b.assigned_at < @Instant GROUP BY b.team_id)
            """,
        SelectAccounts = "SELECT match_key AS MatchKey, name AS Name, owner_rep_id AS OwnerRepId, origin AS Origin FROM dbo.accounts",
        SelectLeadsInWindow = """
            SELECT TOP (@Limit) l.id, l.source, l.external_id AS ExternalId, l.received_at AS ReceivedAt, l.payload,
                   d.status, d.score, d.qualified, d.team_id AS TeamId, d.rep_id AS RepId, d.rep_name AS RepName,
                   d.rule_set_version AS RuleSetVersion
            FROM dbo.leads l JOIN dbo.decisions d ON d.lead_id = l.id
            WHERE l.received_at >= @From AND l.received_at < @To
            ORDER BY l.received_at, l.id
            """,
    };
}
