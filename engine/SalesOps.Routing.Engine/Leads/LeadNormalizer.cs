using System.Globalization;
using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Engine.Leads;

/// <summary>
/// Turns a raw lead into <see cref="LeadFacts"/>: trims, lower-cases the e-mail, takes the domain,
/// maps the country to ISO alpha-2 and marks free-mail. What cannot be normalized is left empty and
/// noted in the trace, never rejected: real forms send "Select" as a country.
/// </summary>
public static class LeadNormalizer
{
    /// <summary>Normalizes <paramref name="input"/>, adding a trace entry for each value it had to drop.</summary>
    public static LeadFacts Normalize(LeadInput input, ISet<string> freeMailDomains, List<TraceEntry> trace)
    {
        var email = Clean(input.Email).ToLowerInvariant();
        var emailDomain = DomainOfEmail(email);
        var websiteDomain = DomainOfWebsite(Clean(input.Website));

        var rawCountry = Clean(input.Country);
        var country = CountryCodes.Normalize(rawCountry) ?? "";
        if (rawCountry.Length > 0 && country.Length == 0)
            trace.Add(new TraceEntry(TraceStages.Normalize, "country", $"'{Truncate(rawCountry)}' is not a recognised country; treated as unknown"));

        if (input.Email is { Length: > 0 } && emailDomain.Length == 0)
            trace.Add(new TraceEntry(TraceStages.Normalize, "email", "e-mail address has no domain; treated as unknown"));

        foreach (var (field, raw) in input.Unusable)
            trace.Add(new TraceEntry(TraceStages.Normalize, field, $"'{Truncate(raw)}' is not usable; treated as unknown"));

        var state = Clean(input.State);
        return new LeadFacts
        {
            Source = Clean(input.Source).ToLowerInvariant(),
            Email = email,
            EmailDomain = emailDomain,
            Domain = emailDomain.Length > 0 ? emailDomain : websiteDomain,
            IsFreeMail = emailDomain.Length > 0 && freeMailDomains.Contains(emailDomain),
            FirstName = Clean(input.FirstName),
            LastName = Clean(input.LastName),
            Title = Clean(input.Title),
            Company = Clean(input.Company),
            CompanyKey = CompanyNames.Key(input.Company),
            Country = country,
            State = state.Length <= 3 ? state.ToUpperInvariant() : state,
            PostalCode = Clean(input.PostalCode).ToUpperInvariant(),
            City = Clean(input.City),
            Industry = Clean(input.Industry),
            Employees = input.Employees is >= 0 ? input.Employees : null,
            AnnualRevenue = input.AnnualRevenue is >= 0 ? input.AnnualRevenue : null,
            LeadSource = Clean(input.LeadSource).ToLowerInvariant(),
            Campaign = Clean(input.Campaign),
            Attributes = input.Attributes,
        };
    }

    private static string Clean(string? value) => value?.Trim() ?? "";

    private static string Truncate(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private static string DomainOfEmail(string email)
    {
        var at = email.LastIndexOf('@');
        if (at < 0 || at == email.Length - 1)
            return "";
        return email[(at + 1)..].TrimEnd('.');
    }

    private static string DomainOfWebsite(string website)
    {
        if (website.Length == 0)
            return "";
        var candidate = website.Contains("://", StringComparison.Ordinal) ? website : "http://" + website;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || !uri.Host.Contains('.', StringComparison.Ordinal))
            return "";
        var host = uri.IdnHost.ToLower(CultureInfo.InvariantCulture);
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
