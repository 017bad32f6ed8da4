namespace SalesOps.Routing.Host.Observability;

internal static class SqliteMetricsSql
{
    public static MetricsStatements Statements { get; } = new()
    {
        // Answered from ix_sla_timers_state_team alone: no table row is read.
        CountOpenTimers = """
            SELECT state AS State, team_id AS TeamId, COUNT(*) AS Timers
            FROM sla_timers WHERE state IN ('running', 'warning', 'paused', 'breached')
            GROUP BY state, team_id
            """,
    };
}
