using Dapper;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Dapper implementation of <see cref="IDecisionHistory"/>; the dialect only changes the statements.</summary>
internal sealed class DecisionHistory(IConnectionFactory connections, DecisionHistoryStatements sql) : IDecisionHistory
{
    public async Task<RoutingState> ReadRotationBeforeAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RotationRow>(
            new CommandDefinition(sql.SelectRotationBefore, new { Instant = instant }, cancellationToken: cancellationToken));
        return new RoutingState(rows.Select(r => KeyValuePair.Create(r.TeamId, r.LastRepId)));
    }

    public async Task<IReadOnlyDictionary<string, AccountRow>> ReadAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(sql.SelectAccounts, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.MatchKey, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<StoredLead>> ReadLeadsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LeadRow>(
            new CommandDefinition(sql.SelectLeadsInWindow, new { From = from, To = to, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStoredLead())];
    }

    private sealed record RotationRow(string TeamId, string LastRepId);

    private sealed class LeadRow
    {
        public string Id { get; init; } = "";
        public string Source { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public DateTimeOffset ReceivedAt { get; init; }
        public string Payload { get; init; } = "";
        public string Status { get; init; } = "";
        public int Score { get; init; }
        public bool Qualified { get; init; }
        public string? TeamId { get; init; }
        public string? RepId { get; init; }
        public string? RepName { get; init; }
        public string RuleSetVersion { get; init; } = "";

        public StoredLead ToStoredLead() => new(Id, Source, ExternalId, ReceivedAt, Payload,
            new Decision(Status, Score, Qualified, TeamId, RepId, RepName, RuleSetVersion, []));
    }
}
