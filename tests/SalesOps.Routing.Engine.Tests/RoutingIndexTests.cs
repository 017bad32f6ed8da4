using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using static SalesOps.Routing.Engine.Tests.WorkflowJson;

namespace SalesOps.Routing.Engine.Tests;

/// <summary>
/// Routing through the index must send every lead where a scan of every rule in priority order
/// would: the index may only skip rules that cannot match.
/// </summary>
public sealed class RoutingIndexTests
{
    private static readonly RuleSet Territories = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Routing, _ => Of("routing",
        Route("UsEnterprise", "lead.Country == \"US\" && lead.Employees >= 1000", "NA-Enterprise", 30),
        Route("Texas", "lead.State == \"TX\"", "NA-SMB", 25),
        Route("Benelux", "lead.Country in (\"NL\", \"BE\", \"LU\")", "EMEA-UKI", 20),
        Route("Canada", "new[] { \"CA\" }.Contains(lead.Country)", "NA-SMB", 20),
        Route("Dach", "Fn.In(lead.Country, \"de\", \"AT\", \"CH\")", "EMEA-DACH", 20),
        Route("Nordics", "lead.Country == \"SE\" || lead.Country == \"NO\" || Fn.In(lead.Country, \"DK\", \"FI\")", "EMEA-UKI", 20),
        Route("BigAnywhere", "lead.Employees >= 5000", "NA-Enterprise", 15),
        Route("Berlin", "lead.City == \"Berlin\" && lead.Country == \"DE\"", "APAC", 12),
        Route("UsRest", "lead.Country == \"US\"", "NA-SMB", 10),
        Route("Pacific", "Fn.In(lead.Country, \"AU\", \"NZ\", \"JP\")", "APAC", 10))));

    public static TheoryData<string, string, string, int> LeadsAcrossTerritories() => new()
    {
        { "US", "", "", 50 }, { "US", "", "", 2000 }, { "US", "TX", "Austin", 50 }, { "CA", "", "", 50 },
        { "DE", "", "Munich", 50 }, { "DE", "", "Berlin", 50 }, { "AT", "", "", 9000 }, { "NL", "", "", 50 },
        { "DK", "", "", 50 }, { "NO", "", "", 50 }, { "JP", "", "", 50 }, { "JP", "", "", 6000 }, { "BR", "", "", 50 }, { "BR", "", "", 6000 },
        { "", "TX", "", 50 }, { "", "", "", 50 },
    };

    [Theory]
    [MemberData(nameof(LeadsAcrossTerritories))]
    public void Evaluate_AnyLead_RoutesLikeAScanOfEveryRule(string country, string state, string city, int employees)
    {
        var lead = Leads.Qualified() with { Country = country, State = state, City = city, Employees = employees };

        var evaluation = LeadEvaluator.Evaluate(lead, Territories);

        var scanned = Territories.Routing.FirstOrDefault(rule => rule.Rule.Predicate([evaluation.Facts]));
        Assert.Equal(scanned?.TeamId ?? Territories.DefaultTeamId, evaluation.TeamId);
        Assert.Equal(scanned?.Rule.Name ?? "(default)", evaluation.Trace.Single(t => t.Stage == TraceStages.Route).Rule);
    }

    [Fact]
    public void Candidates_LeadFromOneCountry_LeaveOutTheRulesGuardedForOthers()
    {
        var german = LeadEvaluator.Evaluate(Leads.Qualified() with { Country = "DE" }, Territories).Facts;

        var names = Territories.RoutingIndex.CandidatesFor(german).Select(r => r.Rule.Name).ToList();

        // The rules testing another field first (Texas, BigAnywhere, Berlin) are kept; other countries' rules are not.
        Assert.Equal(["Texas", "Dach", "BigAnywhere", "Berlin"], names);
    }

    [Fact]
    public void Evaluate_RuleThatFailsBeforeItsCountryTest_StillReportsTheFailureForOtherCountries()
    {
        // The postal-code test runs first and throws for a short code; skipping the rule by its
        // country test would hide that from the trace of every lead not from the US.
        var rules = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Routing, _ => Of("routing",
            Route("UsZip", "lead.PostalCode.Substring(3) == \"01\" && lead.Country == \"US\"", "NA-SMB", 20),
            Route("Dach", "Fn.In(lead.Country, \"DE\")", "EMEA-DACH", 10))));

        var evaluation = LeadEvaluator.Evaluate(Leads.Qualified() with { Country = "DE", PostalCode = "1" }, rules);

        Assert.Equal("EMEA-DACH", evaluation.TeamId);
        Assert.Contains(evaluation.Trace, t => t.Rule == "UsZip" && t.Effect.StartsWith(TraceEntry.ErrorPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lead.Country == \"US\"", "Country", "US")]
    [InlineData("\"US\" == lead.Country && lead.Employees > 10", "Country", "US")]
    [InlineData("Fn.In(lead.State, \"TX\", \"CA\")", "State", "CA,TX")]
    [InlineData("lead.Country in (\"NL\", \"BE\")", "Country", "BE,NL")]
    [InlineData("new[] { \"CA\", \"US\" }.Contains(lead.Country)", "Country", "CA,US")]
    [InlineData("lead.Country == \"SE\" || Fn.In(lead.Country, \"NO\")", "Country", "NO,SE")]
    public void Guard_FirstTestOnOneField_IsRead(string expression, string field, string values)
    {
        var guard = RuleGuard.Of(ExpressionCompiler.Parse(expression));

        Assert.NotNull(guard);
        Assert.Equal(field, guard.Field.Name);
        Assert.Equal(values, string.Join(",", guard.Values.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("lead.Employees > 10 && lead.Country == \"US\"")]
    [InlineData("lead.Country != \"US\"")]
    [InlineData("lead.Country.ToUpper() == \"US\"")]
    [InlineData("lead.Country == \"US\" || lead.State == \"TX\"")]
    [InlineData("lead.Country == \"US\" || lead.Employees > 10")]
    [InlineData("Fn.StartsWithAny(lead.PostalCode, \"10\")")]
    public void Guard_FirstTestThatIsNotOneFieldAgainstValues_IsNone(string expression) =>
        Assert.Null(RuleGuard.Of(ExpressionCompiler.Parse(expression)));
}
