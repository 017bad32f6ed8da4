using Dapper;
using SalesOps.Routing.Engine.Sla;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>The read side: timers by state and team, and the speed-to-lead summary.</summary>
internal sealed class SlaQueries(IConnectionFactory connections, SlaStatements sql, RuleSetProvider ruleSets, TimeProvider clock)
{
    public const string AtRisk = "at-risk";
    public const string Breached = SlaTimerStates.Breached;

    public static IReadOnlyList<string> Filters { get; } =
        [AtRisk, Breached, SlaTimerStates.Running, SlaTimerStates.Warning, SlaTimerStates.Paused, SlaTimerStates.Met, SlaTimerStates.Late, SlaTimerStates.Reassigned];

    public async Task<SlaTimerPage> ListAsync(string filter, string? team, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (select, count) = filter switch
        {
            AtRisk => (sql.SelectAtRisk, sql.CountAtRisk),
            Breached => (sql.SelectBreached, sql.CountBreached),
            _ => (sql.SelectByState, sql.CountByState),
        };
        var now = clock.GetUtcNow();
        var parameters = new { Now = now, Team = team, State = filter, Take = pageSize, Skip = (page - 1) * pageSize };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SlaTimerRow>(new CommandDefinition(select, parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(count, parameters, cancellationToken: cancellationToken));
        var rules = ruleSets.Current.Sla;
        return new SlaTimerPage([.. rows.Select(r => SlaTimerResponse.From(r, rules, now))], page, pageSize, total);
    }

    public async Task<SlaSummary> SummaryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutcomeRow>(new CommandDefinition(sql.SelectFirstTouchOutcomes, new { From = from, To = to }, cancellationToken: cancellationToken))).ToList();
        var teams = rows.GroupBy(r => r.TeamId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(team => new SlaTeamSummary(team.Key, Figures(team),
                [.. team.GroupBy(r => r.RepId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(rep => new SlaRepSummary(rep.Key, Figures(rep)))]))
            .ToList();
        return new SlaSummary(from, to, teams);
    }

    private static SlaFigures Figures(IEnumerable<OutcomeRow> group)
    {
        var rows = group.ToList();
        var met = rows.Count(r => r.State == SlaTimerStates.Met);
        var late = rows.Count(r => r.State == SlaTimerStates.Late);
        var breaches = rows.Count(r => r.BreachedAt is not null || r.State == SlaTimerStates.Late);
        var open = rows.Count(r => SlaTimerStates.Open.Contains(r.State) && r.State != SlaTimerStates.Breached);
        var decided = rows.Count(r => r.State is SlaTimerStates.Met or SlaTimerStates.Late or SlaTimerStates.Breached
            || (r.State == SlaTimerStates.Reassigned && r.BreachedAt is not null));
        var minutes = rows.Where(r => r.State is SlaTimerStates.Met or SlaTimerStates.Late && r.BusinessMsAtStop is not null)
            .Select(r => r.BusinessMsAtStop!.Value / 60_000.0).Order().ToList();
        return new SlaFigures(rows.Count, met, late, breaches, open,
            decided == 0 ? null : Math.Round(100.0 * met / decided, 1),
            Percentiles.Median(minutes), Percentiles.NearestRank(minutes, 0.9));
    }

    private sealed class OutcomeRow
    {
        public string? TeamId { get; init; }
        public string? RepId { get; init; }
        public string State { get; init; } = "";
        public DateTimeOffset? BreachedAt { get; init; }
        public long? BusinessMsAtStop { get; init; }
    }
}
