using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Tests;

/// <summary>Every sample rule fires on a lead built for it and stays silent on a lead built not to trigger it.</summary>
public sealed class SampleRuleTests
{
    private static readonly RuleSet Rules = SampleRules.Load();

    public static TheoryData<string, string> RuleCases() => new()
    {
        { "SeniorTitle", "score" }, { "EnterpriseSize", "score" }, { "MidMarketSize", "score" }, { "DemoRequest", "score" },
        { "PricingPageVisits", "score" }, { "TargetIndustry", "score" }, { "BusinessEmail", "score" }, { "StudentTitle", "score" },
        { "FreeMail", "qualify" }, { "Competitor", "qualify" }, { "TestOrSpamName", "qualify" }, { "MqlThreshold", "qualify" },
        { "NorthAmericaEnterprise", "route" }, { "NorthAmericaSmb", "route" }, { "Dach", "route" }, { "UkAndIreland", "route" },
        { "AsiaPacific", "route" },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void SampleRule_FiresOnItsLead_AndNotOnTheControl(string rule, string stage)
    {
        var (matching, control) = LeadsFor(rule);

        Assert.Contains(LeadEvaluator.Evaluate(matching, Rules).Trace, t => t.Stage == stage && t.Rule == rule);
        Assert.DoesNotContain(LeadEvaluator.Evaluate(control, Rules).Trace, t => t.Rule == rule);
    }

    [Fact]
    public void EverySampleRule_HasACase()
    {
        var covered = RuleCases().Select(row => (string)row[0]).ToHashSet();
        var all = Rules.Scoring.Select(r => r.Rule.Name)
            .Concat(Rules.Qualification.Select(r => r.Rule.Name))
            .Concat(Rules.Routing.Select(r => r.Rule.Name));

        Assert.All(all, name => Assert.Contains(name, covered));
    }

    private static (LeadInput Matching, LeadInput Control) LeadsFor(string rule)
    {
        var plain = Leads.Plain();
        return rule switch
        {
            "SeniorTitle" => (plain with { Title = "VP of Sales" }, plain with { Title = "Sales Development Rep" }),
            "EnterpriseSize" => (plain with { Employees = 5000 }, plain with { Employees = 999 }),
            "MidMarketSize" => (plain with { Employees = 200 }, plain with { Employees = 1000 }),
            "DemoRequest" => (plain with { LeadSource = "Demo-Request" }, plain with { LeadSource = "webinar" }),
            "PricingPageVisits" => (plain with { Attributes = Attrs("pricingPageVisits", "3") }, plain with { Attributes = Attrs("pricingPageVisits", 2m) }),
            "TargetIndustry" => (plain with { Industry = "Software" }, plain with { Industry = "Retail" }),
            "BusinessEmail" => (plain, plain with { Email = "pat@gmail.com" }),
            "StudentTitle" => (plain with { Title = "Marketing Intern" }, plain with { Title = "Internal Auditor" }),
            "FreeMail" => (plain with { Email = "pat@GMX.de" }, plain),
            "Competitor" => (plain with { Email = null, Website = "https://www.rivalroute.com/about" }, plain with { Website = "rivalroute.com.example.org" }),
            "TestOrSpamName" => (plain with { FirstName = "Test", LastName = "User" }, plain with { FirstName = "Tess" }),
            "MqlThreshold" => (Leads.Qualified(), plain),
            "NorthAmericaEnterprise" => (Qualified("United States", 1500), Qualified("United States", 100)),
            "NorthAmericaSmb" => (Qualified("CAN", 100), Qualified("Mexico", 100)),
            "Dach" => (Qualified("Deutschland", 10), Qualified("Denmark", 10)),
            "UkAndIreland" => (Qualified("UK", 10), Qualified("Ukraine", 10)),
            "AsiaPacific" => (Qualified("jpn", 10), Qualified("China", 10)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "no lead built for this rule"),
        };
    }

    private static LeadInput Qualified(string country, long employees) => Leads.Qualified() with { Country = country, Employees = employees };

    private static Dictionary<string, object?> Attrs(string key, object? value) => new(StringComparer.OrdinalIgnoreCase) { [key] = value };
}
