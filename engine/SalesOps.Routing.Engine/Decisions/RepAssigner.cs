using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Distribution;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Decisions;

/// <summary>
/// Completes an <see cref="Evaluation"/> into a <see cref="Decision"/> by running the NRules
/// assignment rule set (ownership, eligibility, distribution, fallback) in a session of its own,
/// lent from a pool and emptied after the decision. Reads and
/// advances <see cref="RoutingState"/>, so decisions that share a state run one after another.
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
        var candidates = Candidates(team, rules, state, context);
        var loan = AssignmentSession.Rent(sessions);
        var session = loan.Session;
        var inferred = loan.Inferred;
        session.Insert(new LeadToAssign(evaluation.Facts, team, context.Now));
        session.InsertAll(candidates);
        session.InsertAll(context.Accounts);
        if (context.OpenLead is not null)
            session.Insert(context.OpenLead);
        session.Insert(new DistributionContext(state));
        session.Fire();

        foreach (var skipped in inferred.Ineligible)
            trace.Add(new TraceEntry(TraceStages.Assign, skipped.Rule, $"skipped rep {skipped.RepId}: {skipped.Reason}"));
        foreach (var note in inferred.Notes)
            trace.Add(new TraceEntry(TraceStages.Assign, note.Rule, note.Effect));

        var choice = inferred.Choice
            ?? throw new InvalidOperationException("The assignment rules made no choice; the fallback rule must always fire.");
        loan.Return();
        if (choice.Rep is null)
        {
            trace.Add(new TraceEntry(TraceStages.Assign, choice.Rule, choice.Reason));
            return Finish(LeadStatus.Unassigned, team.Id, null, null);
        }

        if (choice.Precedence == AssignmentChoice.Distribution)
            Distributor.Settle(team, choice, state);
        RecordAssignment(choice.Rep, state, context.Now);
        trace.Add(new TraceEntry(TraceStages.Assign, choice.Rule, $"rep {choice.Rep.Id} ({choice.Rep.Rep.Name}): {choice.Reason}"));
        return Finish(LeadStatus.Assigned, choice.Rep.Rep.TeamId, choice.Rep.Id, choice.Rep.Rep.Name);

        Decision Finish(string status, string? teamId, string? repId, string? repName) =>
            new(status, evaluation.Score, evaluation.Qualified, teamId, repId, repName, evaluation.RuleSetVersion, trace);
    }

    /// <summary>
    /// Runs only the eligibility rules for a team's reps at <paramref name="now"/>, for the people
    /// watching rep load: who can take the next lead, and why not.
    /// </summary>
    public static IReadOnlyList<RepEligibility> Eligibility(TeamDefinition team, RuleSet rules, RoutingState state, DateTimeOffset now, ISessionFactory sessions)
    {
        var candidates = Candidates(team, rules, state, new AssignmentContext(now, []));
        var loan = AssignmentSession.Rent(sessions);
        loan.Session.InsertAll(candidates);
        loan.Session.Fire();
        var reasons = loan.Inferred.Ineligible.ToLookup(i => i.RepId, StringComparer.OrdinalIgnoreCase);
        loan.Return();
        return [.. candidates.Where(c => c.InTeam).Select(c => new RepEligibility(c, [.. reasons[c.Id].Select(r => r.Reason)]))];
    }

    /// <summary>The team's reps plus any owner or fallback rep from elsewhere, each with effective state.</summary>
    private static List<RepCandidate> Candidates(TeamDefinition team, RuleSet rules, RoutingState state, AssignmentContext context)
    {
        var candidates = new List<RepCandidate>(team.Reps.Count + 2);
        for (var i = 0; i < team.Reps.Count; i++)
            candidates.Add(Candidate(team.Reps[i], inTeam: true, i));

        IEnumerable<string?> others = [.. context.Accounts.Select(a => a.OwnerRepId), context.OpenLead?.OwnerRepId, team.Fallback.RepId];
        foreach (var id in others.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!candidates.Exists(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase)) && rules.Reps.TryGetValue(id, out var rep))
                candidates.Add(Candidate(rep, inTeam: false, candidates.Count));
        }

        return candidates;

        RepCandidate Candidate(RepDefinition rep, bool inTeam, int order)
        {
            var live = state.Rep(rep.Id);
            var excluded = string.Equals(rep.Id, context.ExcludedRepId, StringComparison.OrdinalIgnoreCase);
            return new RepCandidate
            {
                Rep = rep,
                State = live,
                InTeam = inTeam && !excluded,
                Excluded = excluded,
                Order = order,
                Active = live.Active ?? rep.Active,
                OutOfOffice = live.IsOutOfOffice(context.Now),
                InWorkingHours = rep.WorkingHours?.IsOpen(context.Now, rep.Zone) ?? true,
                MaxOpenLeads = live.MaxOpenLeads ?? rep.MaxOpenLeads,
                MaxLeadsPerDay = live.MaxLeadsPerDay ?? rep.MaxLeadsPerDay,
                AssignedToday = live.AssignedDay == LocalDay(rep, context.Now) ? live.AssignedToday : 0,
                Weight = live.Weight ?? rep.Weight,
            };
        }
    }

    private static void RecordAssignment(RepCandidate rep, RoutingState state, DateTimeOffset now)
    {
        var live = rep.State;
        var today = LocalDay(rep.Rep, now);
        live.AssignedToday = live.AssignedDay == today ? live.AssignedToday + 1 : 1;
        live.AssignedDay = today;
        live.OpenLeads++;
        state.Touch(rep.Id);
    }

    private static DateOnly LocalDay(RepDefinition rep, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, rep.Zone).DateTime);
}
