using SalesOps.Routing.Engine.Backtesting;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Distribution;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Tests;

public sealed class BacktesterTests
{
    private static readonly RuleSet Live = SampleRules.Load();

    [Fact]
    public void Backtest_DraftMovingSwitzerlandToApac_CountsTeamAndRepChangesIncludingTheShiftedRotation()
    {
        var history = Decide(Live, "DE", "CH", "DE", "CH", "DE", "FR", "freemail");
        var draft = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Routing, s => s
            .Replace("\\\"AT\\\", \\\"CH\\\", \\\"LI\\\"", "\\\"AT\\\", \\\"LI\\\"", StringComparison.Ordinal)
            .Replace("\"Rules\": [", "\"Rules\": [\n    { \"RuleName\": \"Swiss\", \"Expression\": \"lead.Country == \\\"CH\\\"\", \"Properties\": { \"team\": \"APAC\", \"priority\": 10 } },", StringComparison.Ordinal)));

        var report = Backtester.Run(history, draft, new RoutingState([]), examplesPerChange: 3);

        Assert.Equal((7, 3), (report.Leads, report.Unchanged));
        Assert.Equal(2, report.Team.Count);
        Assert.Equal(new BacktestExample(history[1].LeadId, "web-form", history[1].Input.ExternalId, "EMEA-DACH", "APAC"), report.Team.Examples[0]);
        // The Swiss leads leave the DACH rotation, so the two German leads after them get other reps too.
        Assert.Equal(4, report.Rep.Count);
        Assert.Equal([("dach-2", "apac-1"), ("dach-3", "dach-2"), ("dach-1", "apac-2")], report.Rep.Examples.Select(e => (e.Before, e.After)));
        Assert.Equal((0, 0), (report.Qualification.Count, report.Score.Count));
        Assert.Equal(draft.Version, report.DraftVersion);
    }

    [Fact]
    public void Backtest_DraftRaisingTheMqlThreshold_CountsQualificationChangesAndLostAssignments()
    {
        var history = Decide(Live, "DE", "FR", "freemail");
        var draft = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Qualification, s => s.Replace("lead.Score >= 40", "lead.Score >= 41", StringComparison.Ordinal)));

        var report = Backtester.Run(history, draft, new RoutingState([]), examplesPerChange: 5);

        Assert.Equal(2, report.Qualification.Count);
        Assert.All(report.Qualification.Examples, e => Assert.Equal(("qualified", "not qualified"), (e.Before, e.After)));
        Assert.Equal(2, report.Rep.Count);
        Assert.All(report.Rep.Examples, e => Assert.Null(e.After));
        Assert.Equal((0, 0, 1), (report.Team.Count, report.Score.Count, report.Unchanged));
    }

    [Fact]
    public void Backtest_SameRulesFromTheSameRotation_ChangesNothing()
    {
        var history = Decide(Live, "DE", "CH", "US", "DE", "JP");

        var report = Backtester.Run(history, Live, new RoutingState([]), examplesPerChange: 5);

        Assert.Equal(5, report.Unchanged);
        Assert.Equal(0, report.Team.Count + report.Rep.Count + report.Qualification.Count + report.Score.Count);
    }

    private static List<HistoricLead> Decide(RuleSet rules, params string[] countries)
    {
        var state = new RoutingState([]);
        return [.. countries.Select((country, i) =>
        {
            var input = country == "freemail" ? Leads.Qualified() with { Email = $"lead{i}@gmail.com", Country = "DE" } : Leads.Qualified() with { Country = country };
            var decision = RepAssigner.Assign(LeadEvaluator.Evaluate(input, rules), rules, state);
            return new HistoricLead($"lead-{i}", input, decision);
        })];
    }
}
