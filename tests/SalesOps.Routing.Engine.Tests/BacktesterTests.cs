using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Backtesting;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Engine.Tests.Assignment;

namespace SalesOps.Routing.Engine.Tests;

public sealed class BacktesterTests
{
    private static readonly RuleSet Live = AssignmentHarness.Rules;

    [Fact]
    public void Backtest_DraftMovingSwitzerlandToUki_CountsTeamAndRepChangesIncludingTheShiftedRotation()
    {
        var history = Decide(Live, "DE", "CH", "DE", "CH", "DE", "FR", "freemail");
        var draft = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Routing, s => s
            .Replace("\\\"AT\\\", \\\"CH\\\", \\\"LI\\\"", "\\\"AT\\\", \\\"LI\\\"", StringComparison.Ordinal)
            .Replace("\\\"GB\\\", \\\"IE\\\"", "\\\"GB\\\", \\\"IE\\\", \\\"CH\\\"", StringComparison.Ordinal)));

        var report = Backtester.Run(history, draft, Setting(), AssignmentHarness.Sessions, examplesPerChange: 3);

        Assert.Equal((7, 3), (report.Leads, report.Unchanged));
        Assert.Equal(2, report.Team.Count);
        Assert.Equal(new BacktestExample(history[1].LeadId, "web-form", history[1].Input.ExternalId, "EMEA-DACH", "EMEA-UKI"), report.Team.Examples[0]);
        // The Swiss leads leave the DACH rotation, so the two German leads after them get other reps too.
        Assert.Equal(4, report.Rep.Count);
        Assert.Equal([("dach-2", "uki-1"), ("dach-3", "dach-2"), ("dach-1", "uki-2")], report.Rep.Examples.Select(e => (e.Before, e.After)));
        Assert.Equal((0, 0), (report.Qualification.Count, report.Score.Count));
        Assert.Equal(draft.Version, report.DraftVersion);
    }

    [Fact]
    public void Backtest_DraftRaisingTheMqlThreshold_CountsQualificationChangesAndLostAssignments()
    {
        var history = Decide(Live, "DE", "FR", "freemail");
        var draft = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Qualification, s => s.Replace("lead.Score >= 40", "lead.Score >= 41", StringComparison.Ordinal)));

        var report = Backtester.Run(history, draft, Setting(), AssignmentHarness.Sessions, examplesPerChange: 5);

        Assert.Equal(2, report.Qualification.Count);
        Assert.All(report.Qualification.Examples, e => Assert.Equal(("qualified", "not qualified"), (e.Before, e.After)));
        Assert.Equal(2, report.Rep.Count);
        Assert.All(report.Rep.Examples, e => Assert.Null(e.After));
        Assert.Equal((0, 0, 1), (report.Team.Count, report.Score.Count, report.Unchanged));
    }

    [Fact]
    public void Backtest_SameRulesFromTheSameState_ChangesNothing()
    {
        var history = Decide(Live, "DE", "CH", "GB", "DE", "FR");

        var report = Backtester.Run(history, Live, Setting(), AssignmentHarness.Sessions, examplesPerChange: 5);

        Assert.Equal(5, report.Unchanged);
        Assert.Equal(0, report.Team.Count + report.Rep.Count + report.Qualification.Count + report.Score.Count);
    }

    [Fact]
    public void Backtest_SecondLeadWithTheSameEmail_GoesToTheRepTheReplayGaveTheFirst()
    {
        var first = Leads.Qualified() with { Country = "DE", Email = "sam@northwind.example" };
        var second = Leads.Qualified() with { Country = "FR", Email = "sam@northwind.example" };
        var state = AssignmentHarness.EmptyState();
        var history = new List<HistoricLead>
        {
            new("lead-1", first, AssignmentHarness.EuropeanMorning, AssignmentHarness.Assign(first, state, AssignmentHarness.EuropeanMorning)),
            new("lead-2", second, AssignmentHarness.EuropeanMorning.AddHours(1),
                AssignmentHarness.Assign(second, state, AssignmentHarness.EuropeanMorning.AddHours(1))),
        };

        var report = Backtester.Run(history, Live, Setting(), AssignmentHarness.Sessions, examplesPerChange: 5);

        Assert.Equal("global-1", history[1].Decision.RepId);
        var change = Assert.Single(report.Rep.Examples);
        Assert.Equal(("lead-2", "global-1", "dach-1"), (change.LeadId, change.Before, change.After));
    }

    private static BacktestSetting Setting() => new(AssignmentHarness.EmptyState(), _ => [], TimeSpan.FromDays(30));

    private static List<HistoricLead> Decide(RuleSet rules, params string[] countries)
    {
        var state = AssignmentHarness.EmptyState();
        return [.. countries.Select((country, i) =>
        {
            var now = AssignmentHarness.EuropeanMorning.AddMinutes(i);
            var input = country == "freemail"
                ? Leads.Qualified() with { Email = $"lead{i}@gmail.com", Country = "DE" }
                : Leads.Qualified() with { Country = country, Email = $"lead{i}@northwind.example" };
            return new HistoricLead($"lead-{i}", input, now, AssignmentHarness.Assign(input, state, now, rules: rules));
        })];
    }
}
