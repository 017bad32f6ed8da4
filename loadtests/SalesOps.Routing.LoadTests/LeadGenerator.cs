using System.Buffers;
using System.Globalization;
using System.Text.Json;
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
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private int _next;

    /// <summary>The next lead as a UTF-8 JSON body, with an externalId unique within <paramref name="runId"/>.</summary>
    public byte[] Next(string runId)
    {
        var f = _faker;
        var company = f.Company.CompanyName();
        var domain = f.Random.Bool(0.15f) ? f.PickRandom(FreeMail) : Slug(company) + "." + f.PickRandom("com", "de", "co.uk", "io", "example");
        var first = f.Name.FirstName();
        var last = f.Name.LastName();
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            // Fields drawn in the order the seed has always drawn them, so a seed posts the same leads as before.
            json.WriteStartObject();
            json.WriteString("externalId", string.Create(CultureInfo.InvariantCulture, $"{runId}-{Interlocked.Increment(ref _next)}"));
            json.WriteString("source", f.PickRandom("hubspot", "marketo", "web-form", "chat"));
            json.WriteString("email", string.Create(CultureInfo.InvariantCulture, $"{Slug(first)}.{Slug(last)}.{f.Random.Number(1, 99_999)}@{domain}"));
            json.WriteString("firstName", first);
            json.WriteString("lastName", last);
            json.WriteString("title", f.PickRandom(Titles));
            json.WriteString("company", company);
            json.WriteString("country", f.PickRandom(Countries));
            json.WriteString("state", f.Address.StateAbbr());
            json.WriteString("postalCode", f.Address.ZipCode());
            json.WriteString("industry", f.PickRandom(Industries));
            if (f.Random.Bool(0.1f))
                json.WriteString("employees", "50-200");
            else
                json.WriteNumber("employees", f.Random.Number(1, 20_000));
            json.WriteNumber("annualRevenue", f.Random.Number(100_000, 900_000_000));
            json.WriteString("leadSource", f.PickRandom(Sources));
            json.WriteString("campaign", f.Commerce.ProductName());
            json.WriteStartObject("attributes");
            json.WriteString("pricingPageVisits", f.Random.Number(0, 6).ToString(CultureInfo.InvariantCulture));
            json.WriteBoolean("trial", f.Random.Bool());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>A lead body as request content, typed as JSON the way <c>JsonContent</c> types it.</summary>
    public static HttpContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }

    private static string Slug(string text) =>
        new string([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]) is { Length: > 0 } slug ? slug : "x";
}
