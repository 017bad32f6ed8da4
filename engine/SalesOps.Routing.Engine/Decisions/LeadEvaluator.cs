using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Decisions;

/// <summary>
/// Scores, qualifies and routes a lead against one rule set. Pure and thread-safe: it reads only its
/// arguments, so any number of requests evaluate at once.
/// </summary>
public static class LeadEvaluator
{
    /// <summary>Runs the normalize, score, qualify and route stages.</summary>
    public static Evaluation Evaluate(LeadInput input, RuleSet rules)
    {
        var trace = new List<TraceEntry>(8);
        var facts = LeadNormalizer.Normalize(input, rules.FreeMailDomains, trace);
        object[] arguments = [facts];

        var score = 0;
        foreach (var rule in rules.Scoring)
        {
            if (Matches(rule.Rule, arguments, TraceStages.Score, trace))
            {
                score += rule.Points;
                trace.Add(new TraceEntry(TraceStages.Score, rule.Rule.Name, rule.Points >= 0 ? $"+{rule.Points}" : rule.Points.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        facts.Score = score;
        var qualifies = false;
        var disqualified = false;
        foreach (var rule in rules.Qualification)
        {
            if (!Matches(rule.Rule, arguments, TraceStages.Qualify, trace))
                continue;
            if (rule.Effect == QualificationEffect.Disqualify)
            {
                disqualified = true;
                trace.Add(new TraceEntry(TraceStages.Qualify, rule.Rule.Name, $"disqualified: {rule.Reason}"));
            }
            else
            {
                qualifies = true;
                trace.Add(new TraceEntry(TraceStages.Qualify, rule.Rule.Name, $"qualifies: {rule.Reason}"));
            }
        }

        if (!qualifies && !disqualified)
            trace.Add(new TraceEntry(TraceStages.Qualify, "(none)", $"not qualified: no qualifying rule matched (score {score})"));

        string? teamId = null;
        if (!disqualified)
            teamId = Route(rules, facts, arguments, trace);

        return new Evaluation(facts, score, qualifies && !disqualified, disqualified, teamId, rules.Version, trace);
    }

    private static string Route(RuleSet rules, LeadFacts facts, object[] arguments, List<TraceEntry> trace)
    {
        foreach (var rule in rules.RoutingIndex.CandidatesFor(facts))
        {
            if (Matches(rule.Rule, arguments, TraceStages.Route, trace))
            {
                trace.Add(new TraceEntry(TraceStages.Route, rule.Rule.Name, $"team {rule.TeamId}"));
                return rule.TeamId;
            }
        }

        trace.Add(new TraceEntry(TraceStages.Route, "(default)", $"no territory rule matched; team {rules.DefaultTeamId}"));
        return rules.DefaultTeamId;
    }

    // A rule that throws for one lead counts as not matched for that lead and is reported in the
    // trace; one odd lead must not fail the request or the other rules.
    private static bool Matches(CompiledRule rule, object[] arguments, string stage, List<TraceEntry> trace)
    {
        try
        {
            return rule.Predicate(arguments);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            trace.Add(new TraceEntry(stage, rule.Name, $"{TraceEntry.ErrorPrefix}{ex.GetType().Name}: {ex.Message}"));
            return false;
        }
    }
}
