using System.Globalization;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Distribution;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Backtesting;

/// <summary>
/// Replays stored leads through a draft rule set and compares each new decision with the stored
/// one. Pure: nothing is stored and the only state touched is the rotation passed in.
/// </summary>
public static class Backtester
{
    /// <summary>
    /// Replays <paramref name="leads"/> in the order given (the order they were decided). Reps are
    /// assigned as the draft would have assigned them, starting from <paramref name="rotation"/>
    /// (the rotation as it stood before the first lead), which this advances: pass a copy.
    /// </summary>
    public static BacktestReport Run(IEnumerable<HistoricLead> leads, RuleSet draft, RoutingState rotation, int examplesPerChange)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentOutOfRangeException.ThrowIfNegative(examplesPerChange);

        var team = new Tally(examplesPerChange);
        var rep = new Tally(examplesPerChange);
        var qualification = new Tally(examplesPerChange);
        var score = new Tally(examplesPerChange);
        int count = 0, unchanged = 0;
        foreach (var lead in leads)
        {
            var before = lead.Decision;
            var after = RepAssigner.Assign(LeadEvaluator.Evaluate(lead.Input, draft), draft, rotation);
            var changed = team.Record(lead, before.TeamId, after.TeamId);
            changed |= rep.Record(lead, before.RepId, after.RepId);
            changed |= qualification.Record(lead, QualificationOf(before), QualificationOf(after));
            changed |= score.Record(lead, before.Score.ToString(CultureInfo.InvariantCulture), after.Score.ToString(CultureInfo.InvariantCulture));
            count++;
            if (!changed)
                unchanged++;
        }

        return new BacktestReport(draft.Version, count, unchanged, team.Result(), rep.Result(), qualification.Result(), score.Result());
    }

    private static string QualificationOf(Decision decision) =>
        decision.Status == LeadStatus.Disqualified ? "disqualified" : decision.Qualified ? "qualified" : "not qualified";

    private sealed class Tally(int maxExamples)
    {
        private readonly List<BacktestExample> _examples = [];
        private int _count;

        public bool Record(HistoricLead lead, string? before, string? after)
        {
            if (string.Equals(before, after, StringComparison.OrdinalIgnoreCase))
                return false;
            _count++;
            if (_examples.Count < maxExamples)
                _examples.Add(new BacktestExample(lead.LeadId, lead.Input.Source, lead.Input.ExternalId, before, after));
            return true;
        }

        public BacktestChange Result() => new(_count, _examples);
    }
}
