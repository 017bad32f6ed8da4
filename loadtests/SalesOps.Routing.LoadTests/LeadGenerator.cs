using System.Text.Json.Nodes;
using Bogus;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// Varied, realistic leads: countries across every sample territory, titles from intern to VP,
/// company sizes, free-mail and business addresses, custom fields, and the messy values forms send.
/// Seeded, so two runs post the same leads.
/// </summary>
internal sealed class LeadGenerator(int seed)
{
    private static readonly string[] Countries = ["United States", "US", "Canada", "Germany", "DE", "Austria", "Switzerland", "United Kingdom", "Ireland", "Japan", "Australia", "Singapore", "France", "Brazil", "Select", ""];
    private static readonly string[] Titles = ["VP Sales", "Head of Operations", "Director of Marketing", "CTO", "Sales Manager", "Software Engineer", "Marketing Intern", "Student", "Operations Manager"];
    private static readonly string[] Sources = ["demo-request", "webinar", "ebook", "pricing-page", "contact-us", "trade-show"];
    private static readonly string[] Industries = ["Software", "Financial Services", "Manufacturing", "Retail", "Healthcare", "Education"];
    private static readonly string[] FreeMail = ["gmail.com", "yahoo.com", "outlook.com", "gmx.de"];

    private readonly Faker _faker = new() { Random = new Randomizer(seed) };
    private int _next;

    public JsonObject Next(string runId)
    {
        var f = _faker;
        var company = f.Company.CompanyName();
        var domain = f.Random.Bool(0.15f) ? f.PickRandom(FreeMail) : Slug(company) + "." + f.PickRandom("com", "de", "co.uk", "io", "example");
        var first = f.Name.FirstName();
        var last = f.Name.LastName();
        var lead = new JsonObject
        {
            ["externalId"] = $"{runId}-{Interlocked.Increment(ref _next)}",
            ["source"] = f.PickRandom("hubspot", "marketo", "web-form", "chat"),
            ["email"] = $"{Slug(first)}.{Slug(last)}.{f.Random.Number(1, 99_999)}@{domain}",
            ["firstName"] = first,
            ["lastName"] = last,
            ["title"] = f.PickRandom(Titles),
            ["company"] = company,
            ["country"] = f.PickRandom(Countries),
            ["state"] = f.Address.StateAbbr(),
            ["postalCode"] = f.Address.ZipCode(),
            ["industry"] = f.PickRandom(Industries),
            ["employees"] = f.Random.Bool(0.1f) ? "50-200" : f.Random.Number(1, 20_000),
            ["annualRevenue"] = f.Random.Number(100_000, 900_000_000),
            ["leadSource"] = f.PickRandom(Sources),
            ["campaign"] = f.Commerce.ProductName(),
            ["attributes"] = new JsonObject { ["pricingPageVisits"] = f.Random.Number(0, 6).ToString(System.Globalization.CultureInfo.InvariantCulture), ["trial"] = f.Random.Bool() },
        };
        return lead;
    }

    private static string Slug(string text) =>
        new string([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]) is { Length: > 0 } slug ? slug : "x";
}
