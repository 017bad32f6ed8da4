using System.Data.Common;
using Dapper;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Engine.Sla;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// Reads a lead's clocks and applies touches, pauses, resumes and ownership changes to them, inside a
/// transaction it is given (the writer's group commit, see <see cref="SlaTimerCommands"/>, or an ops
/// change's); it commits nothing itself.
/// </summary>
internal sealed partial class SlaTimerService(
    IConnectionFactory connections,
    SlaStatements sql,
    OpsStatements ops,
    SlaTimerWriter writer,
    RuleSetProvider ruleSets,
    TimeProvider clock)
{
    private delegate Task<string?> Change(RuleSet rules, List<SlaTimerRow> timers, List<DashboardEvent> published);

    public async Task<IReadOnlyList<SlaTimerResponse>> ForLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ForLeadAsync(connection, null, leadId, cancellationToken);
    }

    /// <summary>The lead's clocks as they stand, read inside <paramref name="transaction"/> when there is one.</summary>
    public async Task<IReadOnlyList<SlaTimerResponse>> ForLeadAsync(DbConnection connection, DbTransaction? transaction, string leadId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<SlaTimerRow>(
            new CommandDefinition(sql.SelectTimersByLead, new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        var now = clock.GetUtcNow();
        var rules = ruleSets.Current.Sla;
        return [.. rows.Select(r => SlaTimerResponse.From(r, rules, now))];
    }

    /// <summary>
    /// A touch: stops the open first-touch clock (else the open follow-up clock) as met or late, starts
    /// the follow-up clock when the policy has one, and, as the first touch, moves an assigned lead to
    /// working and frees the rep's capacity, as the status endpoint does. Runs in <paramref name="scope"/>'s transaction.
    /// </summary>
    public Task<SlaChange> TouchAsync(WriteScope scope, string leadId, string who, DateTimeOffset? when, CancellationToken cancellationToken) =>
        ApplyAsync(scope, leadId, async (rules, timers, published) =>
        {
            var problem = await StopAsync(scope.Connection, scope.Transaction, rules, timers, who, when ?? scope.Now, scope.Now, firstOnly: true, published, cancellationToken);
            if (problem is null)
                await MarkWorkingAsync(scope, leadId, cancellationToken);
            return problem;
        }, cancellationToken);

    public Task<SlaChange> PauseAsync(WriteScope scope, string leadId, CancellationToken cancellationToken) =>
        ApplyAsync(scope, leadId, (rules, timers, published) =>
            ChangeEachAsync(scope, timers.Where(t => SlaTimerStates.Counting.Contains(t.State)),
                (timer, _) => timer.Pause(scope.Now), rules, "The lead has no running SLA clock to pause.", published, cancellationToken), cancellationToken);

    public Task<SlaChange> ResumeAsync(WriteScope scope, string leadId, CancellationToken cancellationToken) =>
        ApplyAsync(scope, leadId, (rules, timers, published) =>
            ChangeEachAsync(scope, timers.Where(t => t.State == SlaTimerStates.Paused),
                (timer, calendar) => timer.Resume(scope.Now, calendar), rules, "The lead has no paused SLA clock to resume.", published, cancellationToken), cancellationToken);

    private async Task<string?> ChangeEachAsync(WriteScope scope, IEnumerable<SlaTimerRow> rows,
        Func<SlaTimer, BusinessCalendar, SlaTimer> change, RuleSet rules, string noneProblem, List<DashboardEvent> published, CancellationToken cancellationToken)
    {
        var (connection, transaction, _, now) = scope;
        var any = false;
        foreach (var row in rows.ToList())
        {
            any = true;
            var changed = row.With(change(row.ToTimer(), rules.Sla.CalendarOrAlwaysOpen(row.Calendar)));
            if (!await writer.TryUpdateAsync(connection, transaction, changed, row.State, now, cancellationToken))
                return "A clock changed at the same moment; send the request again.";
            published.Add(new DashboardEvent($"sla.{changed.State}", row.LeadId, row.RepId, row.TeamId, now));
        }

        return any ? null : noneProblem;
    }

    private async Task MarkWorkingAsync(WriteScope scope, string leadId, CancellationToken cancellationToken)
    {
        var lead = await scope.Connection.QuerySingleAsync<StoredLeadRow>(new CommandDefinition(ops.SelectLeadForUpdate, new { Id = leadId }, scope.Transaction, cancellationToken: cancellationToken));
        if (lead is not { Status: LeadStatus.Assigned, RepId: { } repId })
            return;
        await scope.Connection.ExecuteAsync(new CommandDefinition(ops.UpdateLeadStatus,
            new { Id = leadId, Status = LeadStatuses.Working, TouchedAt = scope.Now }, scope.Transaction, cancellationToken: cancellationToken));
        var rep = scope.State.Rep(repId);
        rep.OpenLeads = Math.Max(0, rep.OpenLeads - 1);
        scope.State.Touch(repId);
    }

    // Nothing is committed here: the writer commits the batch, or rolls this change back to its savepoint when it reports a problem.
    private async Task<SlaChange> ApplyAsync(WriteScope scope, string leadId, Change change, CancellationToken cancellationToken)
    {
        if (await scope.Connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.LeadExists, new { Id = leadId }, scope.Transaction, cancellationToken: cancellationToken)) == 0)
            return SlaChange.NotFound;

        var published = new List<DashboardEvent>();
        try
        {
            var problem = await change(ruleSets.Current, await TimersAsync(scope.Connection, scope.Transaction, leadId, cancellationToken), published);
            return new SlaChange(Found: true, problem, published);
        }
        catch (SlaTimerException ex)
        {
            return new SlaChange(Found: true, ex.Message, []);
        }
    }

    private async Task<List<SlaTimerRow>> TimersAsync(DbConnection connection, DbTransaction transaction, string leadId, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<SlaTimerRow>(new CommandDefinition(sql.SelectTimersByLead, new { LeadId = leadId }, transaction, cancellationToken: cancellationToken))];
}
