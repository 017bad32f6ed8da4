using System.Globalization;
using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Backtesting;

/// <summary>
/// Replays stored leads through a draft rule set and compares each new decision with the stored
/// one. Pure: nothing is stored and the only state touched is the one in the setting.
/// </summary>
public static class Backtester
{
    /// <summary>
    /// Replays <paramref name="leads"/> in the order given (the order they were decided), each at
    /// the instant it was received. Reps are assigned by the assignment rules as the draft would
    /// have assigned them, from the state in <paramref name="setting"/>; a lead with the e-mail of
    /// a lead the replay assigned earlier within the duplicate window goes to that lead's rep.
    /// </summary>
    public static BacktestReport Run(IEnumerable<HistoricLead> leads, RuleSet draft, BacktestSetting setting, ISessionFactory sessions, int examplesPerChange)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentOutOfRangeException.ThrowIfNegative(examplesPerChange);

        var team = new Tally(examplesPerChange);
        var rep = new Tally(examplesPerChange);
        var qualification = new Tally(examplesPerChange);
        var score = new Tally(examplesPerChange);
        var openByEmail = new Dictionary<string, OpenLeadMatch>(StringComparer.OrdinalIgnoreCase);
        int count = 0, unchanged = 0;
        foreach (var lead in leads)
        {
            var evaluation = LeadEvaluator.Evaluate(lead.Input, draft);
            var email = evaluation.Facts.Email;
            var open = email.Length > 0 && openByEmail.TryGetValue(email, out var earlier) && lead.ReceivedAt - earlier.ReceivedAt <= setting.DuplicateWindow
                ? earlier
                : null;
            var context = new AssignmentContext(lead.ReceivedAt, setting.Accounts(evaluation.Facts), open);
            var after = RepAssigner.Assign(evaluation, draft, setting.State, context, sessions);
            if (after.RepId is not null && email.Length > 0)
                openByEmail[email] = new OpenLeadMatch(lead.LeadId, after.RepId, lead.ReceivedAt);

            var before = lead.Decision;
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
