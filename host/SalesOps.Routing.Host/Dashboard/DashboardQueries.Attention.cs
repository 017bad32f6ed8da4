using Dapper;

namespace SalesOps.Routing.Host.Dashboard;

internal sealed partial class DashboardQueries
{
    /// <summary>The most clocks a list holds; a board with more has bigger problems than paging.</summary>
    public const int MaxAttentionItems = 100;

    /// <summary>Open breaches, and today's breaches that were reassigned or touched since, newest breach first.</summary>
    public async Task<AttentionListView> BreachedAsync(string? team, CancellationToken cancellationToken)
    {
        var period = Period();
        return await AttentionAsync(sql.SelectBreached, team, period.DayStart, cancellationToken);
    }

    /// <summary>Clocks past their warning and not yet due, the soonest due first.</summary>
    public Task<AttentionListView> AtRiskAsync(string? team, CancellationToken cancellationToken) =>
        AttentionAsync(sql.SelectAtRisk, team, null, cancellationToken);

    private async Task<AttentionListView> AttentionAsync(string query, string? team, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AttentionRow>(new CommandDefinition(query,
            new { Now = now, Since = since, Team = team, Take = MaxAttentionItems + 1 }, cancellationToken: cancellationToken))).ToList();
        var reps = rules.Current.Reps;
        string? Name(string? repId) => repId is not null && reps.TryGetValue(repId, out var rep) ? rep.Name : null;
        return new AttentionListView(now, since, [.. rows.Take(MaxAttentionItems).Select(r => new AttentionLeadView(
            r.LeadId, string.IsNullOrWhiteSpace(r.Company) ? null : r.Company.Trim(), r.TimerId, r.Kind, r.Cycle, r.State, r.TeamId,
            r.RepId, Name(r.RepId), r.Policy, r.WarnAt, r.DueAt, r.BreachedAt, r.StoppedAt, r.EscalatedTo, r.ReassignedTo, Name(r.ReassignedTo)))],
            rows.Count > MaxAttentionItems);
    }

    private sealed class AttentionRow
    {
        public string TimerId { get; init; } = "";
        public string LeadId { get; init; } = "";
        public string Kind { get; init; } = "";
        public int Cycle { get; init; }
        public string State { get; init; } = "";
        public string? TeamId { get; init; }
        public string? RepId { get; init; }
        public string Policy { get; init; } = "";
        public DateTimeOffset WarnAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public DateTimeOffset? BreachedAt { get; init; }
        public DateTimeOffset? StoppedAt { get; init; }
        public string? EscalatedTo { get; init; }
        public string? Company { get; init; }
        public string? ReassignedTo { get; init; }
    }
}
