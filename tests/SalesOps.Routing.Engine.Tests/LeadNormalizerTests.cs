using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Tests;

public sealed class LeadNormalizerTests
{
    private static readonly HashSet<string> FreeMail = new(StringComparer.OrdinalIgnoreCase) { "gmail.com" };

    [Theory]
    [InlineData("Germany", "DE")]
    [InlineData("DE", "DE")]
    [InlineData("deu", "DE")]
    [InlineData(" deutschland ", "DE")]
    [InlineData("USA", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("gbr", "GB")]
    [InlineData("Schweiz", "CH")]
    [InlineData("japan", "JP")]
    public void Normalize_CountryNamesAndCodes_MapToIsoAlpha2(string country, string expected)
    {
        var facts = LeadNormalizer.Normalize(Leads.Plain() with { Country = country }, FreeMail, []);

        Assert.Equal(expected, facts.Country);
    }

    [Fact]
    public void Normalize_Email_IsTrimmedLowerCasedAndGivesTheDomain()
    {
        var facts = LeadNormalizer.Normalize(Leads.Plain() with { Email = "  Jane.Doe@ACME.Example ", Website = "other.example" }, FreeMail, []);

        Assert.Equal("jane.doe@acme.example", facts.Email);
        Assert.Equal("acme.example", facts.EmailDomain);
        Assert.Equal("acme.example", facts.Domain);
        Assert.False(facts.IsFreeMail);
    }

    [Theory]
    [InlineData("https://www.Acme.example/contact", "acme.example")]
    [InlineData("acme.example", "acme.example")]
    [InlineData("www.acme.example", "acme.example")]
    [InlineData("not a site", "")]
    public void Normalize_WithoutEmail_TakesDomainFromWebsite(string website, string expected)
    {
        var facts = LeadNormalizer.Normalize(Leads.Plain() with { Email = null, Website = website }, FreeMail, []);

        Assert.Equal(expected, facts.Domain);
    }

    [Fact]
    public void Normalize_FreeMailDomain_IsMarked()
    {
        var facts = LeadNormalizer.Normalize(Leads.Plain() with { Email = "x@Gmail.com" }, FreeMail, []);

        Assert.True(facts.IsFreeMail);
    }

    [Fact]
    public void Normalize_UnusableNumber_IsUnknownAndTraced()
    {
        var trace = new List<TraceEntry>();
        var lead = Leads.Plain() with { Employees = null, Unusable = new Dictionary<string, string> { ["employees"] = "50-200" } };

        var facts = LeadNormalizer.Normalize(lead, FreeMail, trace);

        Assert.Null(facts.Employees);
        Assert.Contains(trace, t => t.Rule == "employees" && t.Effect.Contains("50-200", StringComparison.Ordinal));
    }
}
