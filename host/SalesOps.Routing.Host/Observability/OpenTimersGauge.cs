using Dapper;
using Prometheus;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Observability;

/// <summary>
/// <c>salesops_routing_sla_open_timers</c>: the SLA clocks still waiting for a touch, by state and team,
/// counted in the database at each scrape. A count kept in memory would see only this host's changes
/// and start from zero on a restart, while several hosts share the clocks; the grouped count reads
/// one index and costs a scrape a few milliseconds.
/// </summary>
internal sealed partial class OpenTimersGauge
{
    private const string NoTeam = "none";

    private readonly IConnectionFactory _connections;
    private readonly MetricsStatements _sql;
    private readonly ILogger<OpenTimersGauge> _logger;
    private readonly Gauge _gauge;

    public OpenTimersGauge(RoutingMetrics metrics, IConnectionFactory connections, MetricsStatements sql, ILogger<OpenTimersGauge> logger)
    {
        _connections = connections;
        _sql = sql;
        _logger = logger;
        _gauge = metrics.Factory.CreateGauge("salesops_routing_sla_open_timers",
            "SLA clocks waiting for a touch (running, warning, paused, breached), by team; counted in the database at scrape time.",
            "state", "team");
        metrics.Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<OpenTimerCount> counts;
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);
            counts = [.. await connection.QueryAsync<OpenTimerCount>(new CommandDefinition(_sql.CountOpenTimers, cancellationToken: cancellationToken))];
        }
        catch (Exception ex) when (_connections.IsUnavailable(ex))
        {
            // No number is better than a stale one; the rest of the scrape still goes out.
            LogUnavailable(ex);
            foreach (var labels in _gauge.GetAllLabelValues().ToList())
                _gauge.RemoveLabelled(labels);
            return;
        }

        var seen = new HashSet<(string, string)>();
        foreach (var count in counts)
        {
            var team = string.IsNullOrEmpty(count.TeamId) ? NoTeam : count.TeamId;
            _gauge.WithLabels(count.State, team).Set(count.Timers);
            seen.Add((count.State, team));
        }

        // A state and team that had clocks and has none now reads 0, not its last count.
        foreach (var labels in _gauge.GetAllLabelValues().Where(l => !seen.Contains((l[0], l[1]))).ToList())
            _gauge.WithLabels(labels).Set(0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open SLA timers not counted for this scrape: the database is unavailable")]
    private partial void LogUnavailable(Exception exception);

    private sealed record OpenTimerCount(string State, string? TeamId, long Timers);
}
