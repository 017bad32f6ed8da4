using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Host.Storage;

/// <summary>A known account as ops supply it: a web domain and/or a company name, and the owning rep.</summary>
internal sealed record AccountEntry(string? Domain, string Name, string Owner)
{
    /// <summary>The keys leads are matched by: the domain, and the normalized company name.</summary>
    public IEnumerable<string> MatchKeys()
    {
        if (!string.IsNullOrWhiteSpace(Domain))
            yield return AssignmentContextLoader.DomainPrefix + Domain.Trim().ToLowerInvariant();
        var company = CompanyNames.Key(Name);
        if (company.Length > 0)
            yield return AssignmentContextLoader.CompanyPrefix + company;
    }
}
