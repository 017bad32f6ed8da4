using System.Data.Common;
using Dapper;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Engine.Sla;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>Reads a lead's clocks and applies touches, pauses, resumes and ownership changes to them, each in one transaction.</summary>
internal sealed partial class SlaTimerService(
    IConnectionFactory connections,
    SlaStatements sql,
    OpsStatements ops,
    SlaTimerWriter writer,
    RoutingStateStore routingState,
    RuleSetProvider ruleSets,
    DashboardEventHub dashboard,
    TimeProvider clock)
{
    private delegate Task<string?> Change(DbConnection connection, DbTransaction transaction, RuleSet rules, List<SlaTimerRow> timers, DateTimeOffset now,
        List<DashboardEvent> published);

    public async Task<IReadOnlyList<SlaTimerResponse>> ForLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SlaTimerRow>(new CommandDefinition(sql.SelectTimersByLead, new { LeadId = leadId }, cancellationToken: cancellationToken));
        var now = clock.GetUtcNow();
        var rules = ruleSets.Current.Sla;
        return [.. rows.Select(r => SlaTimerResponse.From(r, rules, now))];
    }

    /// <summary>
    /// A touch: stops the open first-touch clock (else the open follow-up clock) as met or late, starts
    /// the follow-up clock when the policy has one, and, as the first touch, moves an assigned lead to
    /// working and frees the rep's capacity, as the status endpoint does.
    /// </summary>
    public Task<SlaCommandOutcome> TouchAsync(string leadId, string who, DateTimeOffset? when, CancellationToken cancellationToken) =>
        ApplyAsync(leadId, async (connection, transaction, rules, timers, now, published) =>
        {
            var problem = await StopAsync(connection, transaction, rules, timers, who, when ?? now, now, firstOnly: true, published, cancellationToken);
            if (problem is null)
                await MarkWorkingAsync(connection, transaction, leadId, now, cancellationToken);
            return problem;
        }, cancellationToken);

    public Task<SlaCommandOutcome> PauseAsync(string leadId, CancellationToken cancellationToken) =>
        ApplyAsync(leadId, (connection, transaction, rules, timers, now, published) =>
            ChangeEachAsync(connection, transaction, timers.Where(t => SlaTimerStates.Counting.Contains(t.State)), now,
                (timer, _) => timer.Pause(now), rules, "The lead has no running SLA clock to pause.", published, cancellationToken), cancellationToken);

    public Task<SlaCommandOutcome> ResumeAsync(string leadId, CancellationToken cancellationToken) =>
        ApplyAsync(leadId, (connection, transaction, rules, timers, now, published) =>
            ChangeEachAsync(connection, transaction, timers.Where(t => t.State == SlaTimerStates.Paused), now,
                (timer, calendar) => timer.Resume(now, calendar), rules, "The lead has no paused SLA clock to resume.", published, cancellationToken), cancellationToken);

    private async Task<string?> ChangeEachAsync(DbConnection connection, DbTransaction transaction, IEnumerable<SlaTimerRow> rows, DateTimeOffset now,
        Func<SlaTimer, BusinessCalendar, SlaTimer> change, RuleSet rules, string noneProblem, List<DashboardEvent> published, CancellationToken cancellationToken)
    {
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

    private async Task MarkWorkingAsync(DbConnection connection, DbTransaction transaction, string leadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lead = await connection.QuerySingleAsync<LeadRow>(new CommandDefinition(ops.SelectLeadForUpdate, new { Id = leadId }, transaction, cancellationToken: cancellationToken));
        if (lead is not { Status: LeadStatus.Assigned, RepId: { } repId })
            return;
        await connection.ExecuteAsync(new CommandDefinition(ops.UpdateLeadStatus,
            new { Id = leadId, Status = LeadStatuses.Working, TouchedAt = now }, transaction, cancellationToken: cancellationToken));
        var state = await routingState.LoadAsync(connection, transaction, cancellationToken);
        var rep = state.Rep(repId);
        rep.OpenLeads = Math.Max(0, rep.OpenLeads - 1);
        state.Touch(repId);
        await routingState.SaveAsync(connection, transaction, state, now, cancellationToken);
    }

    private async Task<SlaCommandOutcome> ApplyAsync(string leadId, Change change, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.LeadExists, new { Id = leadId }, transaction, cancellationToken: cancellationToken)) == 0)
            return SlaCommandOutcome.NotFound;

        var now = clock.GetUtcNow();
        var published = new List<DashboardEvent>();
        string? problem;
        try
        {
            problem = await change(connection, transaction, ruleSets.Current, await TimersAsync(connection, transaction, leadId, cancellationToken), now, published);
        }
        catch (SlaTimerException ex)
        {
            problem = ex.Message;
        }

        if (problem is not null)
            return SlaCommandOutcome.Conflict(problem);
        await transaction.CommitAsync(cancellationToken);
        foreach (var item in published)
            dashboard.Publish(item);
        return new SlaCommandOutcome(SlaCommandStatus.Done, await ForLeadAsync(leadId, cancellationToken));
    }

    private async Task<List<SlaTimerRow>> TimersAsync(DbConnection connection, DbTransaction transaction, string leadId, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<SlaTimerRow>(new CommandDefinition(sql.SelectTimersByLead, new { LeadId = leadId }, transaction, cancellationToken: cancellationToken))];

    private sealed class LeadRow
    {
        public string Status { get; init; } = "";
        public string? RepId { get; init; }
    }
}
