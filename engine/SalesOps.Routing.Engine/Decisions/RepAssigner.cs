using SalesOps.Routing.Engine.Distribution;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Decisions;

/// <summary>
/// Completes an <see cref="Evaluation"/> into a <see cref="Decision"/> by choosing a rep. Reads and
/// advances <see cref="RoutingState"/>, so it must run in commit order on one thread per store.
/// </summary>
public static class RepAssigner
{
    /// <summary>Assigns a rep when the lead qualifies, advancing the team's rotation.</summary>
    public static Decision Assign(Evaluation evaluation, RuleSet rules, RoutingState state)
    {
        var trace = new List<TraceEntry>(evaluation.Trace.Count + 1);
        trace.AddRange(evaluation.Trace);

        if (evaluation.Disqualified)
            return Finish(LeadStatus.Disqualified, null, null);
        if (!evaluation.Qualified)
        {
            trace.Add(new TraceEntry(TraceStages.Assign, "(none)", "not assigned: the lead is not marketing-qualified"));
            return Finish(LeadStatus.Unassigned, null, null);
        }

        var team = rules.Teams[evaluation.TeamId!];
        var rep = RoundRobin.Next(team, state.LastRepOf(team.Id));
        if (rep is null)
        {
            trace.Add(new TraceEntry(TraceStages.Assign, Distributions.RoundRobin, $"not assigned: team {team.Id} has no reps; left in the team queue"));
            return Finish(LeadStatus.Unassigned, null, null);
        }

        state.Advance(team.Id, rep.Id);
        var turn = team.Reps.ToList().IndexOf(rep) + 1;
        trace.Add(new TraceEntry(TraceStages.Assign, Distributions.RoundRobin, $"rep {rep.Id} ({rep.Name}): turn {turn} of {team.Reps.Count} in {team.Id}"));
        return Finish(LeadStatus.Assigned, rep.Id, rep.Name);

        Decision Finish(string status, string? repId, string? repName) =>
            new(status, evaluation.Score, evaluation.Qualified, evaluation.TeamId, repId, repName, evaluation.RuleSetVersion, trace);
    }
}
