namespace SalesOps.Routing.Host.Storage.Sqlite;

internal static class SqliteDecisionHistorySql
{
    public static DecisionHistoryStatements Statements { get; } = new()
    {
        // The rep of each team's last assignment made before the instant, reassignments included:
        // the rotation as it stood then.
        SelectRotationBefore = """
            SELECT a.team_id AS TeamId, a.rep_id AS LastRepId
            FROM assignments a
            WHERE a.id IN (SELECT MAX(b.id) FROM assignments b WHERE b.assigned_at < @Instant GROUP BY b.team_id)
            """,
        SelectAccounts = "SELECT match_key AS MatchKey, name AS Name, owner_rep_id AS OwnerRepId, origin AS Origin FROM accounts",
        SelectLeadsInWindow = """
            SELECT l.id, l.source, l.external_id AS ExternalId, l.received_at AS ReceivedAt, l.payload,
                   d.status, d.score, d.qualified, d.team_id AS TeamId, d.rep_id AS RepId, d.rep_name AS RepName,
                   d.rule_set_version AS RuleSetVersion
            FROM leads l JOIN decisions d ON d.lead_id = l.id
            WHERE l.received_at >= @From AND l.received_at < @To
            ORDER BY l.received_at, l.id
            LIMIT @Limit
            """,
    };
}
