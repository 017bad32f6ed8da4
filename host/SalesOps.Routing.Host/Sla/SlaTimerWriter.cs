using System.Data.Common;
using System.Text.Json;
using Dapper;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Engine.Sla;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// Writes timer rows and their outbox events inside a caller's transaction, so a clock, its state
/// change and the event about it are committed together or not at all.
/// </summary>
internal sealed class SlaTimerWriter(SlaStatements sql)
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Starts the first-touch clock of each decided lead a policy applies to; called by the lead store
    /// while it commits the batch. One command for the batch: the statement is prepared once.
    /// </summary>
    public async Task StartFirstTouchesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DecidedLead> decided,
        CancellationToken cancellationToken)
    {
        var rows = new List<PrefixedParameters>(decided.Count);
        foreach (var (pending, decision) in decided)
        {
            if (FirstTouch(pending, decision) is { } row)
                rows.Add(new PrefixedParameters(row));
        }

        // Each row is a clock just started (FirstTouch), as the statement takes it.
        if (rows.Count > 0)
            await connection.ExecuteAsync(Command(sql.InsertStartedTimer, rows, transaction, cancellationToken));
    }

    private static SlaTimerRow? FirstTouch(PendingLead pending, Decision decision)
    {
        var rules = pending.Rules;
        var rep = decision is { TeamId: { } teamId, RepId: { } repId } && rules.Teams.TryGetValue(teamId, out var team)
            ? team.Reps.FirstOrDefault(r => r.Id == repId)
            : null;
        if (rules.Sla.PlanFirstTouch(pending.Evaluation.Facts, decision.TeamId, rep, rules.Version) is not { } plan)
            return null;

        var timer = SlaTimer.Start(plan, pending.ReceivedAt, rules.Sla.CalendarOrAlwaysOpen(plan.CalendarKey));
        return SlaTimerRow.New(NewId(pending.ReceivedAt), pending.LeadId, timer, plan.Terms);
    }

    public Task InsertAsync(DbConnection connection, DbTransaction transaction, SlaTimerRow row, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(sql.InsertTimer, new PrefixedParameters(row, new { UpdatedAt = now }), transaction, cancellationToken));

    /// <summary>Writes the row only if the stored state is still <paramref name="expectedState"/>; false when another writer changed it first.</summary>
    public async Task<bool> TryUpdateAsync(DbConnection connection, DbTransaction transaction, SlaTimerRow row, string expectedState,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new PrefixedParameters(row, new { UpdatedAt = now, ExpectedState = expectedState });
        return await connection.ExecuteAsync(Command(sql.UpdateTimerIfState, parameters, transaction, cancellationToken)) == 1;
    }

    /// <summary>Adds an event to the outbox with a fresh id receivers can deduplicate by.</summary>
    public Task AddEventAsync(DbConnection connection, DbTransaction transaction, string eventType, SlaTimerRow row, object details,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var eventId = NewId(now);
        var payload = JsonSerializer.Serialize(new
        {
            eventId,
            type = eventType,
            occurredAt = now,
            leadId = row.LeadId,
            timerId = row.Id,
            kind = row.Kind,
            cycle = row.Cycle,
            teamId = row.TeamId,
            repId = row.RepId,
            policy = row.PolicyName,
            ruleSetVersion = row.RuleSetVersion,
            dueAt = row.DueAt,
            detectedLate = row.DetectedLate,
            details,
        }, EventJson);
        return connection.ExecuteAsync(Command(sql.InsertEvent,
            new { EventId = eventId, EventType = eventType, row.LeadId, TimerId = row.Id, OccurredAt = now, Payload = payload }, transaction, cancellationToken));
    }

    /// <summary>
    /// Starts the new owner's first-touch clock as the next cycle of <paramref name="ended"/>, under the
    /// terms and policy version the ended clock kept, and records the move as an event.
    /// </summary>
    public async Task<SlaTimerRow> StartNextCycleAsync(DbConnection connection, DbTransaction transaction, RuleSet rules, SlaTimerRow ended,
        string? teamId, string repId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var terms = ended.ReadTerms();
        var plan = rules.Sla.Plan(ended.PolicyName, ended.RuleSetVersion, terms, SlaTargetKinds.FirstTouch, ended.Cycle + 1, teamId, rules.Reps.GetValueOrDefault(repId));
        var next = SlaTimerRow.New(NewId(now), ended.LeadId, SlaTimer.Start(plan with { RepId = repId }, now, rules.Sla.CalendarOrAlwaysOpen(plan.CalendarKey)), terms);
        await InsertAsync(connection, transaction, next, now, cancellationToken);
        await AddEventAsync(connection, transaction, SlaEventTypes.Reassigned, ended,
            new { fromRepId = ended.RepId, toRepId = repId, reason, newTimerId = next.Id, newCycle = next.Cycle, newDueAt = next.DueAt }, now, cancellationToken);
        return next;
    }

    /// <summary>
    /// After ops moved a lead to another rep: ends the open first-touch clock and starts the new
    /// owner's as the next cycle. Nothing happens when the lead has no open first-touch clock.
    /// </summary>
    public async Task RestartFirstTouchAsync(DbConnection connection, DbTransaction transaction, RuleSet rules, string leadId,
        string? teamId, string repId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<SlaTimerRow>(new CommandDefinition(sql.SelectTimersByLead, new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        var open = rows.LastOrDefault(r => r.Kind == SlaTargetKinds.FirstTouch && SlaTimerStates.Open.Contains(r.State));
        if (open is null || string.Equals(open.RepId, repId, StringComparison.OrdinalIgnoreCase))
            return;

        var ended = open.With(open.ToTimer().EndByReassignment(now, rules.Sla.CalendarOrAlwaysOpen(open.Calendar)));
        if (await TryUpdateAsync(connection, transaction, ended, open.State, now, cancellationToken))
            await StartNextCycleAsync(connection, transaction, rules, ended, teamId, repId, reason, now, cancellationToken);
    }

    public static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString();

    private static CommandDefinition Command(string text, object parameters, DbTransaction transaction, CancellationToken cancellationToken) =>
        new(text, parameters, transaction, cancellationToken: cancellationToken);
}
