using SalesOps.Routing.Engine.Rules;
using static SalesOps.Routing.Engine.Tests.WorkflowJson;

namespace SalesOps.Routing.Engine.Tests;

/// <summary>Two territory rules must not claim the same leads for different teams at the same priority.</summary>
public sealed class RoutingOverlapTests
{
    [Fact]
    public void Build_CountryListsOverlappingAtEqualPriority_NamesBothRulesAndTheCountries()
    {
        var error = Assert.Single(Errors(
            Route("Dach", "Fn.In(lead.Country, \"DE\", \"AT\", \"CH\")", "EMEA-DACH", 10),
            Route("Europe", "Fn.In(lead.Country, \"FR\", \"AT\", \"DE\")", "EMEA-UKI", 10)));

        Assert.Equal((RuleFiles.Routing, 6), (error.File, error.Line));
        Assert.StartsWith("rule 'Europe' (team EMEA-UKI) and rule 'Dach' on line 5 (team EMEA-DACH) both claim leads with Country AT, DE at priority 10",
            error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lead.Country == \"DE\"")]
    [InlineData("lead.Country in (\"PL\", \"DE\")")]
    [InlineData("lead.Country == \"PL\" || lead.Country == \"DE\"")]
    [InlineData("new[] { \"DE\" }.Contains(lead.Country)")]
    [InlineData("Fn.In(lead.Country, \"de\") && lead.Employees > 500")]
    public void Build_OtherWaysOfClaimingACountry_AreComparedToo(string expression)
    {
        var error = Assert.Single(Errors(
            Route("Dach", "Fn.In(lead.Country, \"DE\", \"AT\", \"CH\")", "EMEA-DACH", 10),
            Route("Other", expression, "APAC", 10)));

        Assert.Contains("both claim leads with Country", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IdenticalConditionsForDifferentTeams_AreAnOverlap()
    {
        var error = Assert.Single(Errors(
            Route("Big", "lead.Employees >= 1000", "NA-Enterprise", 5),
            Route("AlsoBig", "lead.Employees>=1000", "APAC", 5)));

        Assert.Contains("identical condition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OverlapResolvedByPriority_IsValid() =>
        Assert.Empty(Errors(
            Route("NaEnterprise", "Fn.In(lead.Country, \"US\", \"CA\") && lead.Employees >= 1000", "NA-Enterprise", 20),
            Route("NaSmb", "Fn.In(lead.Country, \"US\", \"CA\")", "NA-SMB", 10)));

    [Fact]
    public void Build_OverlapWithinOneTeam_IsValid() =>
        Assert.Empty(Errors(
            Route("Dach", "Fn.In(lead.Country, \"DE\", \"AT\")", "EMEA-DACH", 10),
            Route("DachPartners", "Fn.In(lead.Country, \"DE\") && lead.LeadSource == \"partner\"", "EMEA-DACH", 10)));

    [Fact]
    public void Build_TwoNarrowedRulesOnOneCountry_AreNotJudged()
    {
        // Whether "Employees >= 1000" and "Employees < 1000" exclude each other is beyond the check; it must not cry wolf.
        Assert.Empty(Errors(
            Route("UsBig", "lead.Country == \"US\" && lead.Employees >= 1000", "NA-Enterprise", 10),
            Route("UsSmall", "lead.Country == \"US\" && lead.Employees < 1000", "NA-SMB", 10)));
    }

    private static IReadOnlyList<RuleSetError> Errors(params (string, string, System.Text.Json.Nodes.JsonObject)[] rules)
    {
        var files = SampleRules.With(RuleFiles.Routing, _ => Of("routing", rules));
        try
        {
            RuleSetBuilder.Build(files);
            return [];
        }
        catch (RuleSetException ex)
        {
            return ex.Errors;
        }
    }
}
