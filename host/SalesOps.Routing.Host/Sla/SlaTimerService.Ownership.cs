using System.Data.Common;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Engine.Sla;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Leads;

namespace SalesOps.Routing.Host.Sla;

internal sealed partial class SlaTimerService
{
    /// <summary>
    /// Called in the transaction of a lead status change: moving to working is the first touch (it
    /// stops the first-touch clock and starts the follow-up clock); closing the lead stops every clock.
    /// </summary>
    public async Task OnStatusChangedAsync(DbConnection connection, DbTransaction transaction, string leadId, string status, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var timers = await TimersAsync(connection, transaction, leadId, cancellationToken);
        var firstOnly = status == LeadStatuses.Working;
        await StopAsync(connection, transaction, ruleSets.Current, timers, $"status:{status}", now, now, firstOnly, null, cancellationToken);
    }

    /// <summary>Called in the transaction of an ops reassignment: the new owner gets a fresh first-touch clock as the next cycle.</summary>
    public Task OnReassignedAsync(DbConnection connection, DbTransaction transaction, RuleSet rules, string leadId, string? teamId, string repId,
        string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.RestartFirstTouchAsync(connection, transaction, rules, leadId, teamId, repId, reason, now, cancellationToken);

    /// <summary>
    /// Stops the open first-touch clock, else the open follow-up clock (or, unless <paramref name="firstOnly"/>,
    /// every open clock), starting the follow-up clock after a first touch. Returns why nothing could be stopped.
    /// </summary>
    private async Task<string?> StopAsync(DbConnection connection, DbTransaction transaction, RuleSet rules, List<SlaTimerRow> timers,
        string who, DateTimeOffset at, DateTimeOffset now, bool firstOnly, List<DashboardEvent>? published, CancellationToken cancellationToken)
    {
        var open = timers.Where(t => SlaTimerStates.Open.Contains(t.State))
            .OrderBy(t => t.Kind == SlaTargetKinds.FirstTouch ? 0 : 1).ThenByDescending(t => t.Cycle)
            .Take(firstOnly ? 1 : int.MaxValue)
            .ToList();
        if (open.Count == 0)
            return "The lead has no running SLA clock to stop.";

        foreach (var row in open)
        {
            var stopped = row.With(row.ToTimer().Touch(at, rules.Sla.CalendarOrAlwaysOpen(row.Calendar)), touchedBy: who);
            if (!await writer.TryUpdateAsync(connection, transaction, stopped, row.State, now, cancellationToken))
                return "The clock changed while the touch was recorded; send it again.";
            published?.Add(new DashboardEvent($"sla.{stopped.State}", row.LeadId, row.RepId, row.TeamId, now));
            if (firstOnly && row.Kind == SlaTargetKinds.FirstTouch)
                await StartFollowUpAsync(connection, transaction, rules, timers, row, at, now, cancellationToken);
        }

        return null;
    }

    private async Task StartFollowUpAsync(DbConnection connection, DbTransaction transaction, RuleSet rules, List<SlaTimerRow> timers,
        SlaTimerRow firstTouch, DateTimeOffset at, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var terms = firstTouch.ReadTerms();
        if (terms.TargetFor(SlaTargetKinds.FollowUp) is null || timers.Exists(t => t.Kind == SlaTargetKinds.FollowUp && t.Cycle == firstTouch.Cycle))
            return;
        var rep = firstTouch.RepId is null ? null : rules.Reps.GetValueOrDefault(firstTouch.RepId);
        var plan = rules.Sla.Plan(firstTouch.PolicyName, firstTouch.RuleSetVersion, terms, SlaTargetKinds.FollowUp, firstTouch.Cycle, firstTouch.TeamId, rep);
        var followUp = SlaTimer.Start(plan with { RepId = firstTouch.RepId }, at, rules.Sla.CalendarOrAlwaysOpen(plan.CalendarKey));
        await writer.InsertAsync(connection, transaction, SlaTimerRow.New(SlaTimerWriter.NewId(now), firstTouch.LeadId, followUp, terms), now, cancellationToken);
    }
}
