using System.Data.Common;
using System.Text.Json;
using Dapper;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Distribution;
using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Dapper implementation of <see cref="ILeadStore"/>; the dialect only changes the statements.</summary>
internal sealed class LeadStore(IConnectionFactory connections, LeadStatements sql, TimeProvider clock) : ILeadStore
{
    private static readonly JsonSerializerOptions TraceJson = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<IngestOutcome>> CommitAsync(IReadOnlyList<PendingLead> batch, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var rotation = await connection.QueryAsync<RotationRow>(Command(sql.SelectRotationForUpdate, null, transaction, cancellationToken));
        var state = new RoutingState(rotation.Select(r => KeyValuePair.Create(r.TeamId, r.LastRepId)));
        var advancedTeams = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var decidedInBatch = new Dictionary<(string, string), LeadRecord>();
        var outcomes = new List<IngestOutcome>(batch.Count);
        var decidedAt = clock.GetUtcNow();

        foreach (var pending in batch)
        {
            var key = (pending.Input.Source, pending.Input.ExternalId);
            if (decidedInBatch.TryGetValue(key, out var earlier))
            {
                outcomes.Add(new IngestOutcome(earlier, Created: false));
                continue;
            }

            var existingId = await connection.ExecuteScalarAsync<string?>(
                Command(sql.FindIdByKey, new { pending.Input.Source, pending.Input.ExternalId }, transaction, cancellationToken));
            if (existingId is not null)
            {
                outcomes.Add(new IngestOutcome(null, Created: false, ExistingId: existingId));
                continue;
            }

            var decision = RepAssigner.Assign(pending.Evaluation, pending.Rules, state);
            await InsertAsync(connection, transaction, pending, decision, decidedAt, cancellationToken);
            if (decision is { RepId: not null, TeamId: not null })
                advancedTeams.Add(decision.TeamId);

            var record = new LeadRecord(pending.LeadId, pending.Input.Source, pending.Input.ExternalId, pending.ReceivedAt, decision);
            decidedInBatch[key] = record;
            outcomes.Add(new IngestOutcome(record, Created: true));
        }

        foreach (var team in advancedTeams)
        {
            await connection.ExecuteAsync(Command(sql.UpsertRotation,
                new { TeamId = team, LastRepId = state.LastRepOf(team), UpdatedAt = decidedAt }, transaction, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    public async Task<LeadRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RecordRow>(Command(sql.SelectRecordById, new { Id = id }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<LeadRecord?> FindAsync(string source, string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RecordRow>(
            Command(sql.SelectRecordByKey, new { Source = source, ExternalId = externalId }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(Command(sql.Ping, null, null, cancellationToken));
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, PendingLead pending, Decision decision,
        DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        var facts = pending.Evaluation.Facts;
        await connection.ExecuteAsync(Command(sql.InsertLead, new
        {
            Id = pending.LeadId,
            pending.Input.Source,
            pending.Input.ExternalId,
            pending.ReceivedAt,
            Email = facts.Email.Length > 0 ? facts.Email : null,
            decision.Status,
            decision.TeamId,
            decision.RepId,
            pending.Payload,
        }, transaction, cancellationToken));

        await connection.ExecuteAsync(Command(sql.InsertDecision, new
        {
            LeadId = pending.LeadId,
            DecidedAt = decidedAt,
            decision.RuleSetVersion,
            decision.Status,
            decision.Score,
            decision.Qualified,
            decision.TeamId,
            decision.RepId,
            decision.RepName,
            Trace = JsonSerializer.Serialize(decision.Trace, TraceJson),
        }, transaction, cancellationToken));

        if (decision is { RepId: not null, TeamId: not null })
        {
            await connection.ExecuteAsync(Command(sql.InsertAssignment, new
            {
                LeadId = pending.LeadId,
                decision.TeamId,
                decision.RepId,
                AssignedAt = decidedAt,
                Reason = decision.Trace[^1].Rule,
            }, transaction, cancellationToken));
        }
    }

    private static CommandDefinition Command(string text, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(text, parameters, transaction, cancellationToken: cancellationToken);

    private sealed record RotationRow(string TeamId, string LastRepId);

    private sealed class RecordRow
    {
        public string Id { get; init; } = "";
        public string Source { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public DateTimeOffset ReceivedAt { get; init; }
        public string Status { get; init; } = "";
        public int Score { get; init; }
        public bool Qualified { get; init; }
        public string? TeamId { get; init; }
        public string? RepId { get; init; }
        public string? RepName { get; init; }
        public string RuleSetVersion { get; init; } = "";
        public string Trace { get; init; } = "[]";

        public LeadRecord ToRecord() => new(Id, Source, ExternalId, ReceivedAt, new Decision(
            Status, Score, Qualified, TeamId, RepId, RepName, RuleSetVersion,
            JsonSerializer.Deserialize<List<TraceEntry>>(Trace, TraceJson) ?? []));
    }
}
