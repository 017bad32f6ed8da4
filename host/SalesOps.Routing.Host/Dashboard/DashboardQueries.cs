using Dapper;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Dashboard;

/// <summary>The read side of the dashboard: today's distribution and arrivals, computed from the store.</summary>
internal sealed partial class DashboardQueries(
    IConnectionFactory connections,
    DashboardStatements sql,
    RuleSetProvider rules,
    RoutingOpsStore store,
    TimeProvider clock,
    IOptions<DashboardOptions> options)
{
    public DashboardPeriod Period() => DashboardPeriod.At(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));

    public async Task<IReadOnlyList<DistributionView>> DistributionAsync(string? team, CancellationToken cancellationToken)
    {
        var period = Period();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(string Team, string RepId, long Leads)>(new CommandDefinition(sql.AssignmentsByRepBetween,
            new { From = period.DayStart, To = period.DayEnd }, cancellationToken: cancellationToken)))
            .ToDictionary(c => (c.Team, c.RepId), c => (int)c.Leads);
        var state = await store.ReadStateAsync(cancellationToken);

        return [.. rules.Current.Teams.Values
            .Where(t => team is null || string.Equals(t.Id, team, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t =>
            {
                var reps = t.Reps.Select(r => (Rep: r, Active: state.Rep(r.Id).Active ?? r.Active, Weight: state.Rep(r.Id).Weight ?? r.Weight,
                    Leads: counts.GetValueOrDefault((t.Id, r.Id)))).ToList();
                var total = reps.Sum(r => r.Leads);
                var weights = reps.Where(r => r.Active).Sum(r => TargetWeight(t, r.Weight));
                return new DistributionView(t.Id, t.Distribution, total, [.. reps.Select(r => new RepShareView(
                    r.Rep.Id, r.Rep.Name, r.Active, r.Leads,
                    total == 0 ? 0 : (double)r.Leads / total,
                    !r.Active || weights == 0 ? 0 : (double)TargetWeight(t, r.Weight) / weights))]);
            })];
    }

    public async Task<HourlyView> HourlyAsync(string? team, CancellationToken cancellationToken)
    {
        var period = Period();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var query = team is null ? sql.ReceivedBetween : sql.ReceivedBetween + " AND team_id = @Team";
        var received = await connection.QueryAsync<DateTimeOffset>(new CommandDefinition(query,
            new { From = period.DayStart, To = period.DayEnd, Team = team }, cancellationToken: cancellationToken));
        var counts = new int[24];
        foreach (var at in received)
            counts[TimeZoneInfo.ConvertTime(at, period.Zone).Hour]++;
        return new HourlyView(period.Zone.Id, period.DayStart, counts);
    }

    // Only weighted teams aim for unequal shares; the other methods aim for an equal split.
    private static int TargetWeight(TeamDefinition team, int weight) => team.Distribution == Distributions.Weighted ? weight : 1;
}
