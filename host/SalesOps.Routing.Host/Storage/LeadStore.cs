using System.Data.Common;
using System.Text.Json;
using Dapper;
using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Leads;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Dapper implementation of <see cref="ILeadStore"/>; the dialect only changes the statements.</summary>
internal sealed class LeadStore(
    IConnectionFactory connections,
    LeadStatements sql,
    RoutingStateStore routingState,
    AssignmentContextLoader contexts,
    ISessionFactory assignmentRules,
    ILeadClocks clocks,
    ILeadEvents events,
    IWriteStageTimer stageTimer,
    TimeProvider clock) : ILeadStore
{
    internal static readonly JsonSerializerOptions TraceJson = LeadJsonContext.WebOptions();

    public async Task<IReadOnlyList<IngestOutcome>> CommitAsync(IReadOnlyList<PendingLead> batch, IReadOnlyList<QueuedChange> changes, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteBatchAsync(batch, changes, commit: true, cancellationToken);
        }
        catch (Exception ex) when (connections.IsUnavailable(ex))
        {
            throw new StoreUnavailableException("The database is locked, unreachable or full.", ex);
        }
    }

    public Task RehearseAsync(IReadOnlyList<PendingLead> batch, CancellationToken cancellationToken) =>
        WriteBatchAsync(batch, [], commit: false, cancellationToken);

    private async Task<IReadOnlyList<IngestOutcome>> WriteBatchAsync(IReadOnlyList<PendingLead> batch, IReadOnlyList<QueuedChange> changes,
        bool commit, CancellationToken cancellationToken)
    {
        var laps = new WriteStageLaps();
        await using var connection = await connections.OpenBetweenCommitsAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        laps.Lap(WriteStage.Connect);

        var decidedAt = clock.GetUtcNow();
        var state = await routingState.LoadAsync(connection, transaction, cancellationToken);
        laps.Lap(WriteStage.RoutingState);
        await RunChangesAsync(new WriteScope(connection, transaction, state, decidedAt), changes, cancellationToken);
        laps.Lap(WriteStage.Changes);
        var outcomes = batch.Count == 0 ? [] : await DecideAndInsertAsync(connection, transaction, state, batch, decidedAt, laps, cancellationToken);
        await routingState.SaveAsync(connection, transaction, state, decidedAt, cancellationToken);
        laps.Lap(WriteStage.RoutingState);
        if (!commit)
        {
            await transaction.RollbackAsync(cancellationToken);
            return outcomes;
        }

        await transaction.CommitAsync(cancellationToken);
        laps.Lap(WriteStage.Commit);
        stageTimer.Committed(laps);
        events.Committed();
        return outcomes;
    }

    private async Task<IReadOnlyList<IngestOutcome>> DecideAndInsertAsync(DbConnection connection, DbTransaction transaction, RoutingState state,
        IReadOnlyList<PendingLead> batch, DateTimeOffset decidedAt, WriteStageLaps laps, CancellationToken cancellationToken)
    {
        var lookups = await contexts.LoadBatchAsync(connection, transaction,
            [.. batch.Select(p => (p.Input.Source, p.Input.ExternalId, p.Evaluation.Facts))], decidedAt, cancellationToken);
        laps.Lap(WriteStage.Lookups);
        var decidedInBatch = new Dictionary<(string, string), LeadRecord>();
        var ownersInBatch = new Dictionary<string, OpenLeadMatch>(StringComparer.Ordinal);
        var outcomes = new List<IngestOutcome>(batch.Count);
        var decided = new List<DecidedLead>(batch.Count);

        // Decide every lead first, in queue order (each takes the rotation as the one before left it),
        // then write the batch table by table with one prepared command each.
        foreach (var pending in batch)
        {
            var key = (pending.Input.Source, pending.Input.ExternalId);
            if (decidedInBatch.TryGetValue(key, out var earlier))
            {
                outcomes.Add(new IngestOutcome(earlier, Created: false));
                continue;
            }

            if (lookups.ExistingIds.TryGetValue(key, out var existingId))
            {
                outcomes.Add(new IngestOutcome(null, Created: false, ExistingId: existingId));
                continue;
            }

            var facts = pending.Evaluation.Facts;
            var context = AssignmentContextLoader.ContextFor(lookups, facts, decidedAt,
                facts.Email.Length > 0 ? ownersInBatch.GetValueOrDefault(facts.Email) : null, null);
            var decision = RepAssigner.Assign(pending.Evaluation, pending.Rules, state, context, assignmentRules);
            decided.Add(new DecidedLead(pending, decision));
            if (decision.RepId is not null && facts.Email.Length > 0)
                ownersInBatch[facts.Email] = new OpenLeadMatch(pending.LeadId, decision.RepId, pending.ReceivedAt);

            var record = new LeadRecord(pending.LeadId, pending.Input.Source, pending.Input.ExternalId, pending.ReceivedAt, decision);
            decidedInBatch[key] = record;
            outcomes.Add(new IngestOutcome(record, Created: true));
        }

        laps.Lap(WriteStage.Decide);
        if (decided.Count > 0)
        {
            await InsertAsync(connection, transaction, decided, decidedAt, cancellationToken);
            await clocks.AssignedAsync(connection, transaction, decided, cancellationToken);
            foreach (var (pending, decision) in decided)
                await events.AssignedAsync(connection, transaction, pending, decision, decidedAt, cancellationToken);
        }

        laps.Lap(WriteStage.Rows);

        return outcomes;
    }

    // Changes run before the batch's leads, so a touch that frees a rep's capacity counts for them.
    private static async Task RunChangesAsync(WriteScope scope, IReadOnlyList<QueuedChange> changes, CancellationToken cancellationToken)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            var savepoint = $"change_{i}";
            await scope.Transaction.SaveAsync(savepoint, cancellationToken);
            if (await changes[i].RunAsync(scope, cancellationToken))
                await scope.Transaction.ReleaseAsync(savepoint, cancellationToken);
            else
                await scope.Transaction.RollbackAsync(savepoint, cancellationToken);
        }
    }

    public async Task<LeadRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    /// <summary>The lead and its decision as made, read inside <paramref name="transaction"/> when there is one.</summary>
    public async Task<LeadRecord?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RecordRow>(Command(sql.SelectRecordById, new { Id = id }, transaction, cancellationToken));
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
        // A write transaction, not just a read: a file that another process holds locked still
        // answers reads, yet cannot take a single lead.
        await using var connection = await connections.OpenProbeAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(Command(sql.Ping, null, transaction, cancellationToken));
        await transaction.RollbackAsync(cancellationToken);
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DecidedLead> decided,
        DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(Command(sql.InsertLead, decided.Select(d => new PrefixedParameters(new
        {
            Id = d.Pending.LeadId,
            d.Pending.Input.Source,
            d.Pending.Input.ExternalId,
            d.Pending.ReceivedAt,
            Email = d.Pending.Evaluation.Facts.Email.Length > 0 ? d.Pending.Evaluation.Facts.Email : null,
            d.Decision.Status,
            d.Decision.TeamId,
            d.Decision.RepId,
            d.Pending.Payload,
        })), transaction, cancellationToken));

        await connection.ExecuteAsync(Command(sql.InsertDecision, decided.Select(d => new PrefixedParameters(new
        {
            LeadId = d.Pending.LeadId,
            DecidedAt = decidedAt,
            d.Decision.RuleSetVersion,
            d.Decision.Status,
            d.Decision.Score,
            d.Decision.Qualified,
            d.Decision.TeamId,
            d.Decision.RepId,
            d.Decision.RepName,
            Trace = JsonSerializer.Serialize(d.Decision.Trace, TraceJson),
        })), transaction, cancellationToken));

        var assigned = decided.Where(d => d.Decision is { RepId: not null, TeamId: not null }).ToList();
        if (assigned.Count == 0)
            return;
        await connection.ExecuteAsync(Command(sql.InsertAssignment, assigned.Select(d => new PrefixedParameters(new
        {
            LeadId = d.Pending.LeadId,
            d.Decision.TeamId,
            d.Decision.RepId,
            AssignedAt = decidedAt,
            Reason = d.Decision.Trace[^1].Rule,
            Trace = (string?)null,
        })), transaction, cancellationToken));
    }

    private static CommandDefinition Command(string text, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(text, parameters, transaction, cancellationToken: cancellationToken);

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
