namespace SalesOps.Routing.Host.Observability;

internal static class SqlServerMetricsSql
{
    public static MetricsStatements Statements { get; } = new()
    {
        // Answered from ix_sla_timers_state_team alone: no table row is read.
        CountOpenTimers = """
            SELECT state AS State, team_id AS TeamId, COUNT_BIG(*) AS Timers
            FROM dbo.sla_timers WHERE state IN (N'running', N'warning', N'paused', N'breached')
            GROUP BY state, team_id
            """,
    };
}
