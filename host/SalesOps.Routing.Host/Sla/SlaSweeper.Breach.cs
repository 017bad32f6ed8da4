using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Sla;

namespace SalesOps.Routing.Host.Sla;

internal sealed partial class SlaSweeper
{
    private async Task<SlaSweepResult> BreachAsync(BreachContext context, SlaTimerRow row, CancellationToken cancellationToken)
    {
        var (connection, transaction, now) = (context.Connection, context.Transaction, context.Now);
        var breached = row.ToTimer().Breach(now, _options.LateTolerance);
        var claimed = row.With(breached);
        if (!await writer.TryUpdateAsync(connection, transaction, claimed, row.State, now, cancellationToken))
            return SlaSweepResult.None with { Lost = 1 };

        var terms = row.ReadTerms();
        var plan = context.Rules.Sla.PlanBreach(terms.OnBreach, breached, breached.Cycle - 1);
        Decision? moved = null;
        if (plan.Reassign)
        {
            // The routing state is read once per batch, inside the transaction, and only when a breach may move a lead.
            context.State ??= await routingState.LoadAsync(connection, transaction, cancellationToken);
            moved = row.RepId is null ? null
                : await mover.TryMoveAsync(connection, transaction, context.State, context.Rules, row.LeadId, row.RepId, now, cancellationToken);
            if (moved is null)
                plan = context.Rules.Sla.PlanBreach(terms.OnBreach, breached, breached.Cycle - 1, canReassign: false);
        }

        var final = moved is null ? breached : breached.EndByReassignment(now, context.Rules.Sla.CalendarOrAlwaysOpen(row.Calendar));
        var updated = row.With(final, escalatedTo: plan.EscalateTo);
        if (moved is not null || plan.EscalateTo is not null)
            await writer.TryUpdateAsync(connection, transaction, updated, SlaTimerStates.Breached, now, cancellationToken);

        await writer.AddEventAsync(connection, transaction, SlaEventTypes.Breached, updated,
            new { dueAt = row.DueAt, notify = plan.Notify, actions = plan.Steps }, now, cancellationToken);
        LogBreach(row.LeadId, row.Kind, row.Cycle, row.RepId, updated.DetectedLate);
        context.Announce(SlaEventTypes.Breached, updated);
        var result = SlaSweepResult.None with { Breaches = 1 };

        if (plan.EscalateTo is { } escalateTo)
        {
            await writer.AddEventAsync(connection, transaction, SlaEventTypes.Escalated, updated, new { escalatedTo = escalateTo }, now, cancellationToken);
            result = result with { Escalated = 1 };
            context.Announce(SlaEventTypes.Escalated, updated);
        }

        if (moved is { RepId: { } repId })
        {
            var next = await writer.StartNextCycleAsync(connection, transaction, context.Rules, updated, moved.TeamId, repId, "first-touch clock ran out", now, cancellationToken);
            // The owner changed as surely as by an ops move: a CRM that follows owners hears of both alike.
            await leadEvents.ReassignedAsync(connection, transaction, row.LeadId, row.RepId!, repId, moved.TeamId, "first-touch clock ran out", now, cancellationToken);
            result = result with { Reassigned = 1 };
            context.Announce(SlaEventTypes.Reassigned, next);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA breach: lead {LeadId} {Kind} cycle {Cycle} owned by {RepId} (detected late: {DetectedLate})")]
    private partial void LogBreach(string leadId, string kind, int cycle, string? repId, bool detectedLate);
}
