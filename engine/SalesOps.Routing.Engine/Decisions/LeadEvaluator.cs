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
        // Indexed loops: a foreach over the read-only list interface allocates an enumerator per lead.
        for (var i = 0; i < rules.Scoring.Count; i++)
        {
            var rule = rules.Scoring[i];
            if (Matches(rule.Rule, arguments, TraceStages.Score, trace))
            {
                score += rule.Points;
                trace.Add(rule.Matched);
            }
        }

        facts.Score = score;
        var qualifies = false;
        var disqualified = false;
        for (var i = 0; i < rules.Qualification.Count; i++)
        {
            var rule = rules.Qualification[i];
            if (!Matches(rule.Rule, arguments, TraceStages.Qualify, trace))
                continue;
            disqualified |= rule.Effect == QualificationEffect.Disqualify;
            qualifies |= rule.Effect != QualificationEffect.Disqualify;
            trace.Add(rule.Matched);
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
                trace.Add(rule.Matched);
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
