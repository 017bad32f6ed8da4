using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Tests;

public sealed class LeadEvaluatorTests
{
    private static readonly RuleSet Rules = SampleRules.Load();

    [Fact]
    public void Evaluate_HotDemoRequestFromBavaria_ScoresQualifiesAndRoutesToDach()
    {
        var lead = Leads.Plain() with
        {
            Title = "VP Sales", Employees = 1200, LeadSource = "demo-request", Country = "Germany", State = "BY",
        };

        var evaluation = LeadEvaluator.Evaluate(lead, Rules);

        Assert.Equal(20 + 15 + 30 + 10, evaluation.Score);
        Assert.True(evaluation.Qualified);
        Assert.Equal("EMEA-DACH", evaluation.TeamId);
        Assert.Equal(Rules.Version, evaluation.RuleSetVersion);
    }

    [Fact]
    public void Evaluate_FreeMailLead_IsDisqualifiedAndNotRouted()
    {
        var evaluation = LeadEvaluator.Evaluate(Leads.Qualified() with { Email = "someone@gmail.com" }, Rules);

        Assert.True(evaluation.Disqualified);
        Assert.False(evaluation.Qualified);
        Assert.Null(evaluation.TeamId);
    }

    [Theory]
    [InlineData("Select")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData("   ")]
    public void Evaluate_JunkCountry_GoesToDefaultTeamWithReason(string country)
    {
        var evaluation = LeadEvaluator.Evaluate(Leads.Qualified() with { Country = country }, Rules);

        Assert.Equal(Rules.DefaultTeamId, evaluation.TeamId);
        Assert.Contains(evaluation.Trace, t => t.Stage == TraceStages.Route && t.Rule == "(default)");
        if (country.Trim().Length > 0)
            Assert.Contains(evaluation.Trace, t => t.Stage == TraceStages.Normalize && t.Rule == "country" && t.Effect.Contains(country, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_EnterpriseAndSmbBothMatch_HigherPriorityWins()
    {
        var evaluation = LeadEvaluator.Evaluate(Leads.Qualified() with { Country = "US", Employees = 5000 }, Rules);

        Assert.Equal("NA-Enterprise", evaluation.TeamId);
        Assert.DoesNotContain(evaluation.Trace, t => t.Rule == "NorthAmericaSmb");
    }

    [Fact]
    public void Evaluate_RuleThatThrowsForOneLead_CountsAsNotMatchedAndIsTraced()
    {
        var files = SampleRules.With(RuleFiles.Scoring, s => s.Replace(
            "\"lead.Employees >= 1000\"", "\"lead.Title.Substring(50).Length > 0\"", StringComparison.Ordinal));
        var rules = RuleSetBuilder.Build(files);

        var evaluation = LeadEvaluator.Evaluate(Leads.Qualified(), rules);

        var failure = Assert.Single(evaluation.Trace, t => t.IsError);
        Assert.Equal("EnterpriseSize", failure.Rule);
        Assert.True(evaluation.Qualified);
    }

    [Fact]
    public void Evaluate_CustomAttributes_AreReachableFromExpressions()
    {
        var files = SampleRules.With(RuleFiles.Scoring, s => s.Replace(
            "\"lead.Employees >= 1000\"", "\"lead.Attr(\\\"plan\\\") == \\\"enterprise\\\" && lead.AttrFlag(\\\"trial\\\")\"", StringComparison.Ordinal));
        var rules = RuleSetBuilder.Build(files);
        var lead = Leads.Plain() with
        {
            Attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Plan"] = "enterprise", ["trial"] = "yes" },
        };

        var evaluation = LeadEvaluator.Evaluate(lead, rules);

        Assert.Contains(evaluation.Trace, t => t.Rule == "EnterpriseSize" && t.Effect == "+15");
    }
}
