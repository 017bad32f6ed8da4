using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Tests;

/// <summary>Rule expressions may use the lead, text, numbers, dates and the Fn helpers, and nothing else.</summary>
public sealed class ExpressionSafetyTests
{
    [Theory]
    [InlineData("System.IO.File.Delete(\"/tmp/routing-rules-probe\") == null", "System.IO.File")]
    [InlineData("Type.GetType(\"System.IO.File\") != null", "Type")]
    [InlineData("lead.GetType().Assembly.FullName != \"\"", "GetType")]
    [InlineData("lead.Title.GetType().Name == \"String\"", "GetType")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null", "Environment")]
    [InlineData("Environment.ProcessorCount > 0", "Environment")]
    [InlineData("System.Diagnostics.Process.Start(\"rm\") != null", "System.Diagnostics.Process")]
    [InlineData("Process.Start(\"rm\") != null", "Process")]
    [InlineData("Activator.CreateInstance(\"x\", \"y\") != null", "Activator")]
    [InlineData("AppDomain.CurrentDomain.FriendlyName != \"\"", "AppDomain")]
    public void Build_ExpressionReachingOutsideTheLead_IsRejectedWithAClearMessage(string expression, string named)
    {
        var error = BuildScoringRuleExpectingError(expression);

        Assert.Equal(RuleFiles.Scoring, error.File);
        Assert.Equal(5, error.Line);
        Assert.StartsWith("rule 'Probe': '", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("Rule expressions may use the lead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReflectionThroughAMemberOfTheLead_IsNamedAsReflection()
    {
        var error = BuildScoringRuleExpectingError("lead.GetType().Assembly.FullName != \"\"");

        Assert.Equal("rule 'Probe': 'Object.GetType' is not allowed: it is reflection. " + ExpressionGuard.WhatIsAllowed, error.Message);
    }

    [Theory]
    [InlineData("DateTime.Now.Year > 2000")]
    [InlineData("DateTimeOffset.UtcNow > DateTimeOffset.MinValue")]
    public void Build_ExpressionReadingTheClock_IsRejected(string expression)
    {
        var error = BuildScoringRuleExpectingError(expression);

        Assert.Contains("reads the clock", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fn.Matches(lead.Title, \"(vp)\\\\s+\\\\1\")")]
    [InlineData("Fn.Matches(lead.Title, \"(?<=chief)officer\")")]
    [InlineData("Fn.Matches(lead.Title, \"[unclosed\")")]
    public void Build_PatternTheLinearEngineCannotRun_IsRefusedOnLoad_WithTheRulesLine(string expression)
    {
        var error = BuildScoringRuleExpectingError(expression);

        Assert.Equal(5, error.Line);
        Assert.StartsWith("rule 'Probe': the pattern", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_PatternThatBacktracksCatastrophically_AnswersInsteadOfStalling()
    {
        // With a backtracking engine this input takes longer than the age of the universe.
        var input = new string('a', 50_000) + "!";

        Assert.False(Fn.Matches(input, "^(a+)+$"));
        Assert.True(Fn.Matches(input, "(a+)+!$"));
    }

    [Theory]
    [InlineData("Guid.NewGuid() != Guid.Empty")]
    [InlineData("Convert.ToInt32(\"1\") == 1")]
    [InlineData("Enumerable.Range(0, 2000000000).Count() > 0")]
    public void Build_ExpressionOutsideTheAllowList_IsRejected(string expression)
    {
        var error = BuildScoringRuleExpectingError(expression);

        Assert.Contains("is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lead.Title.ToLower().Contains(\"vp\") && lead.Title.Length < 200")]
    [InlineData("lead.Title.Contains(\"vp\", StringComparison.OrdinalIgnoreCase)")]
    [InlineData("Fn.Matches(lead.Email, \"@(acme|globex)\\\\.example$\")")]
    [InlineData("Fn.In(lead.Country, \"DE\", \"AT\") || lead.Country in (\"CH\", \"LI\")")]
    [InlineData("new[] { \"DE\", \"AT\" }.Contains(lead.Country)")]
    [InlineData("lead.Title.Any(c => c == '!')")]
    [InlineData("lead.AttrNumber(\"visits\") >= 3 && lead.AttrFlag(\"optIn\") && lead.HasAttr(\"campaignId\")")]
    [InlineData("(lead.Employees ?? 0) * 2 > Math.Max(100, 10) && lead.AnnualRevenue > 1000000.5")]
    [InlineData("DateTime.Parse(lead.Attr(\"signupDate\")) >= DateTime(2026, 1, 1)")]
    [InlineData("lead.Attr(\"plan\").Trim().ToUpperInvariant() == \"PRO\" && lead.Score > 10")]
    public void Build_ExpressionUsingTheLeadTextNumbersDatesAndHelpers_Compiles(string expression)
    {
        var files = SampleRules.With(RuleFiles.Scoring, _ => WorkflowJson.Of("scoring", WorkflowJson.Score("Probe", expression, 5)));

        var rules = RuleSetBuilder.Build(files);

        Assert.Equal("Probe", Assert.Single(rules.Scoring).Rule.Name);
    }

    private static RuleSetError BuildScoringRuleExpectingError(string expression)
    {
        var files = SampleRules.With(RuleFiles.Scoring, _ => WorkflowJson.Of("scoring", WorkflowJson.Score("Probe", expression, 5)));
        return Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);
    }
}
