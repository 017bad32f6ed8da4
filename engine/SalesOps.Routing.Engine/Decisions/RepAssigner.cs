using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Distribution;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Decisions;

/// <summary>
/// Completes an <see cref="Evaluation"/> into a <see cref="Decision"/> by running the NRules
/// assignment rule set (ownership, eligibility, distribution, fallback) in a warm session lent from
/// a pool: the reps stand in it, and a decision adds only the lead and what is known about it. Reads
/// and advances <see cref="RoutingState"/>, so decisions that share a state run one after another.
/// </summary>
public static class RepAssigner
{
    /// <summary>Assigns a rep (or the team's queue) when the lead qualifies, advancing the routing state.</summary>
    public static Decision Assign(Evaluation evaluation, RuleSet rules, RoutingState state, AssignmentContext context, ISessionFactory sessions)
    {
        var trace = new List<TraceEntry>(evaluation.Trace.Count + 4);
        trace.AddRange(evaluation.Trace);

        if (evaluation.Disqualified)
            return Finish(LeadStatus.Disqualified, null, null, null);
        if (!evaluation.Qualified)
        {
            trace.Add(new TraceEntry(TraceStages.Assign, "(none)", "not assigned: the lead is not marketing-qualified"));
            return Finish(LeadStatus.Unassigned, evaluation.TeamId, null, null);
        }

        var team = rules.Teams[evaluation.TeamId!];
        var lead = new LeadToAssign(evaluation.Facts, team, context.Now, state, context.ExcludedRepId)
        {
            HasAccount = context.Accounts.Count > 0,
            HasOpenLead = context.OpenLead is not null,
        };
        // Returned only when the decision completes, deliberately not in a finally: a session a rule
        // threw in holds facts in an unknown state, so it is dropped rather than lent out again.
        var loan = AssignmentSession.Rent(sessions, rules);
        var teamReps = SyncReps(loan, team, state, context);
        loan.SettleEligibility();
        loan.InsertLead(lead, context.Accounts, context.OpenLead);
        loan.Session.Fire();

        foreach (var rep in loan.Objections.Count == 0 ? [] : teamReps)
        {
            if (lead.Excludes(rep))
                continue;
            foreach (var skipped in loan.Objections.Of(rep.Id))
                trace.Add(new TraceEntry(TraceStages.Assign, skipped.Rule, $"skipped rep {skipped.RepId}: {skipped.Reason}"));
        }

        foreach (var note in loan.Inferred.Notes)
            trace.Add(new TraceEntry(TraceStages.Assign, note.Rule, note.Effect));

        var choice = loan.Inferred.Choice
            ?? throw new InvalidOperationException("The assignment rules made no choice; the fallback rule must always fire.");
        loan.Return();
        if (choice.Rep is null)
        {
            trace.Add(new TraceEntry(TraceStages.Assign, choice.Rule, choice.Reason));
            return Finish(LeadStatus.Unassigned, team.Id, null, null);
        }

        if (choice.Precedence == AssignmentChoice.Distribution)
            Distributor.Settle(team, choice, state);
        RecordAssignment(choice.Rep.Rep, state, context.Now);
        trace.Add(new TraceEntry(TraceStages.Assign, choice.Rule, $"rep {choice.Rep.Id} ({choice.Rep.Rep.Name}): {choice.Reason}"));
        return Finish(LeadStatus.Assigned, choice.Rep.TeamId, choice.Rep.Id, choice.Rep.Rep.Name);

        Decision Finish(string status, string? teamId, string? repId, string? repName) =>
            new(status, evaluation.Score, evaluation.Qualified, teamId, repId, repName, evaluation.RuleSetVersion, trace);
    }

    /// <summary>
    /// Runs only the eligibility rules for a team's reps at <paramref name="now"/>, for the people
    /// watching rep load: who can take the next lead, and why not.
    /// </summary>
    public static IReadOnlyList<RepEligibility> Eligibility(TeamDefinition team, RuleSet rules, RoutingState state, DateTimeOffset now, ISessionFactory sessions)
    {
        var loan = AssignmentSession.Rent(sessions, rules);
        var reps = loan.SyncTeam(team, state, now);
        loan.SettleEligibility();
        var eligibility = reps.Select(rep => new RepEligibility(rep.Snapshot(), state.Rep(rep.Id), [.. loan.Objections.Of(rep.Id).Select(o => o.Reason)])).ToList();
        loan.Return();
        return eligibility;
    }

    /// <summary>Syncs the team's reps and any owner or fallback rep from elsewhere; returns the team's.</summary>
    private static RepCandidate[] SyncReps(AssignmentSession loan, TeamDefinition team, RoutingState state, AssignmentContext context)
    {
        var teamReps = loan.SyncTeam(team, state, context.Now);
        foreach (var account in context.Accounts)
            loan.SyncRep(account.OwnerRepId, state, context.Now);
        if (context.OpenLead is { } open)
            loan.SyncRep(open.OwnerRepId, state, context.Now);
        if (team.Fallback.RepId is { } fallback)
            loan.SyncRep(fallback, state, context.Now);
        return teamReps;
    }

    private static void RecordAssignment(RepDefinition rep, RoutingState state, DateTimeOffset now)
    {
        var live = state.Rep(rep.Id);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, rep.Zone).DateTime);
        live.AssignedToday = live.AssignedDay == today ? live.AssignedToday + 1 : 1;
        live.AssignedDay = today;
        live.OpenLeads++;
        state.Touch(rep.Id);
    }
}
