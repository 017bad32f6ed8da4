using System.Data.Common;
using Dapper;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Leads;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// What ops do while leads flow: change reps, maintain accounts, move leads through their status,
/// and redistribute a rep's open leads. Each runs in one transaction that loads and saves the routing
/// state, exactly as ingest does.
/// </summary>
internal sealed class RoutingOpsStore(
    IConnectionFactory connections,
    OpsStatements sql,
    RoutingStateStore routingState,
    LeadOwnerMove move,
    StoreRetry retry,
    ILeadClocks clocks,
    ILeadEvents events,
    TimeProvider clock)
{
    /// <summary>Applies <paramref name="change"/> to the rep's state; deactivating a rep redistributes their open leads in the same transaction.</summary>
    public async Task<RepChangeResult> ChangeRepAsync(string repId, RuleSet rules, Action<RepState> change, CancellationToken cancellationToken)
    {
        return await InTransactionAsync(async (connection, transaction, state, now) =>
        {
            var rep = state.Rep(repId);
            var wasActive = rep.Active ?? rules.Reps[repId].Active;
            change(rep);
            state.Touch(repId);
            var nowActive = rep.Active ?? rules.Reps[repId].Active;
            var moved = wasActive && !nowActive
                ? await ReassignAsync(connection, transaction, state, rules, repId, $"rep {repId} deactivated", now, cancellationToken)
                : [];
            return new RepChangeResult(rep, moved);
        }, cancellationToken);
    }

    /// <summary>Redistributes every open lead of the rep through the assignment rules, each with a trace.</summary>
    public Task<IReadOnlyList<Reassignment>> ReassignOpenLeadsAsync(string repId, RuleSet rules, string reason, CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction, state, now) =>
            ReassignAsync(connection, transaction, state, rules, repId, reason, now, cancellationToken), cancellationToken);

    /// <summary>
    /// Moves a lead to working, converted or disqualified; the first such change is its first touch and frees the rep's capacity.
    /// Runs in <paramref name="scope"/>, the writer's group commit (see <see cref="DecisionWriter.ChangeAsync"/>): reps work
    /// leads while leads arrive, and a transaction of its own would queue for the write lock behind the writer's batches.
    /// Null when there is no such lead.
    /// </summary>
    public async Task<ChangeResult<LeadStatusChange?>> ChangeStatusAsync(WriteScope scope, string leadId, string status, CancellationToken cancellationToken)
    {
        var (connection, transaction, state, now) = scope;
        var lead = await connection.QuerySingleOrDefaultAsync<StoredLeadRow>(new CommandDefinition(sql.SelectLeadForUpdate, new { Id = leadId }, transaction, cancellationToken: cancellationToken));
        if (lead is null)
            return ChangeResult<LeadStatusChange?>.Undone(null);
        if (!LeadStatuses.CanMove(lead.Status, status))
            return ChangeResult<LeadStatusChange?>.Undone(new LeadStatusChange(lead.Status, status, Applied: false));

        if (lead is { Status: LeadStatus.Assigned, RepId: not null })
            LeadOwnerMove.Release(state, lead.RepId);
        await connection.ExecuteAsync(new CommandDefinition(sql.UpdateLeadStatus,
            new { Id = leadId, Status = status, TouchedAt = now }, transaction, cancellationToken: cancellationToken));
        await clocks.StatusChangedAsync(connection, transaction, leadId, status, now, cancellationToken);
        return ChangeResult<LeadStatusChange?>.Kept(new LeadStatusChange(lead.Status, status, Applied: true));
    }

    public Task UpsertAccountsAsync(IEnumerable<AccountEntry> accounts, string origin, CancellationToken cancellationToken) =>
        retry.RunAsync(async token =>
        {
            await using var connection = await connections.OpenAsync(token);
            await using var transaction = await connection.BeginTransactionAsync(token);
            var now = clock.GetUtcNow();
            foreach (var account in accounts)
            {
                foreach (var key in account.MatchKeys())
                {
                    await connection.ExecuteAsync(new CommandDefinition(sql.UpsertAccount,
                        new { MatchKey = key, account.Name, OwnerRepId = account.Owner, Origin = origin, UpdatedAt = now }, transaction, cancellationToken: token));
                }
            }

            await transaction.CommitAsync(token);
        }, cancellationToken);

    public Task<IReadOnlyList<AccountRow>> ListAccountsAsync(CancellationToken cancellationToken) =>
        retry.RunAsync<IReadOnlyList<AccountRow>>(async token =>
        {
            await using var connection = await connections.OpenAsync(token);
            return [.. await connection.QueryAsync<AccountRow>(new CommandDefinition(sql.SelectAccounts, cancellationToken: token))];
        }, cancellationToken);

    public Task<RoutingState> ReadStateAsync(CancellationToken cancellationToken) =>
        retry.RunAsync(async token =>
        {
            // A snapshot, not a write transaction: on SQLite that would take the database's write
            // lock for every dashboard refresh, and the group-commit writer would wait behind it.
            await using var connection = await connections.OpenAsync(token);
            await using var snapshot = await connections.BeginSnapshotAsync(connection, token);
            return await routingState.ReadAsync(connection, snapshot, token);
        }, cancellationToken);

    private async Task<IReadOnlyList<Reassignment>> ReassignAsync(DbConnection connection, DbTransaction transaction, RoutingState state,
        RuleSet rules, string repId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leads = await connection.QueryAsync<StoredLeadRow>(new CommandDefinition(sql.SelectOpenLeadsOfRep, new { RepId = repId }, transaction, cancellationToken: cancellationToken));
        var moved = new List<Reassignment>();
        foreach (var lead in leads)
        {
            if (lead.Status == LeadStatus.Assigned)
                LeadOwnerMove.Release(state, repId);
            var decision = await move.DecideAsync(connection, transaction, state, rules, lead, repId, now, cancellationToken);
            var trace = await move.WriteAsync(connection, transaction, lead.Id, decision, "reassign", repId, reason, now, cancellationToken);
            if (decision.RepId is not null)
                await clocks.ReassignedAsync(connection, transaction, rules, lead.Id, decision.TeamId, decision.RepId, reason, now, cancellationToken);
            await events.ReassignedAsync(connection, transaction, lead.Id, repId, decision.RepId, decision.TeamId, reason, now, cancellationToken);

            moved.Add(new Reassignment(lead.Id, repId, decision.RepId, decision.TeamId, trace));
        }

        return moved;
    }

    // A rerun after a transient fault starts from a freshly loaded state, so the work sees the
    // database as it is, not as the failed attempt left it in memory.
    private Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, RoutingState, DateTimeOffset, Task<T>> work, CancellationToken cancellationToken) =>
        retry.RunAsync(async token =>
        {
            await using var connection = await connections.OpenAsync(token);
            await using var transaction = await connection.BeginTransactionAsync(token);
            var state = await routingState.LoadAsync(connection, transaction, token);
            var now = clock.GetUtcNow();
            var result = await work(connection, transaction, state, now);
            await routingState.SaveAsync(connection, transaction, state, now, token);
            await transaction.CommitAsync(token);
            events.Committed();
            return result;
        }, cancellationToken);
}
