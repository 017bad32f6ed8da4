using System.Collections.ObjectModel;
using System.Globalization;

namespace SalesOps.Routing.Engine.Leads;

/// <summary>
/// The normalized lead that rule expressions see as <c>lead</c>. Text fields are never null
/// (empty when unknown) so that expressions such as <c>lead.Title.Contains("VP")</c> cannot throw.
/// </summary>
public sealed class LeadFacts
{
    /// <summary>Posting system.</summary>
    public string Source { get; init; } = "";
    /// <summary>Lower-cased, trimmed e-mail address.</summary>
    public string Email { get; init; } = "";
    /// <summary>Domain of the e-mail address, else of the web site.</summary>
    public string Domain { get; init; } = "";
    /// <summary>Domain of the e-mail address only.</summary>
    public string EmailDomain { get; init; } = "";
    /// <summary>True when the e-mail domain is a free-mail provider.</summary>
    public bool IsFreeMail { get; init; }
    /// <summary>First name.</summary>
    public string FirstName { get; init; } = "";
    /// <summary>Last name.</summary>
    public string LastName { get; init; } = "";
    /// <summary>Job title.</summary>
    public string Title { get; init; } = "";
    /// <summary>Company name as sent, trimmed.</summary>
    public string Company { get; init; } = "";
    /// <summary>Company name reduced for account matching ("Acme, Inc." → "acme").</summary>
    public string CompanyKey { get; init; } = "";
    /// <summary>ISO 3166 alpha-2 country code, upper case; empty when unknown.</summary>
    public string Country { get; init; } = "";
    /// <summary>State or region, upper case when it is a short code.</summary>
    public string State { get; init; } = "";
    /// <summary>Postal code, trimmed and upper case.</summary>
    public string PostalCode { get; init; } = "";
    /// <summary>City.</summary>
    public string City { get; init; } = "";
    /// <summary>Industry, trimmed.</summary>
    public string Industry { get; init; } = "";
    /// <summary>Employees, or null when unknown.</summary>
    public long? Employees { get; init; }
    /// <summary>Annual revenue, or null when unknown.</summary>
    public decimal? AnnualRevenue { get; init; }
    /// <summary>Marketing lead source, lower case.</summary>
    public string LeadSource { get; init; } = "";
    /// <summary>Campaign.</summary>
    public string Campaign { get; init; } = "";

    /// <summary>The score from the scoring stage; zero until scoring ran.</summary>
    public int Score { get; internal set; }

    // Shared empty default: the normalizer always sets the input's own, and a new dictionary here
    // would be made (and dropped) for every lead.
    internal IReadOnlyDictionary<string, object?> Attributes { get; init; } = ReadOnlyDictionary<string, object?>.Empty;

    /// <summary>A custom field as text; empty when absent.</summary>
    public string Attr(string name) => Attributes.TryGetValue(name, out var value) && value is not null
        ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""
        : "";

    /// <summary>True when the custom field is present and not null.</summary>
    public bool HasAttr(string name) => Attributes.TryGetValue(name, out var value) && value is not null;

    /// <summary>
    /// A custom field as a number; null when absent or not numeric. Marketing systems send
    /// numbers as strings, so "12" and 12 both read as 12.
    /// </summary>
    public decimal? AttrNumber(string name) => Attributes.TryGetValue(name, out var value)
        ? value switch
        {
            decimal d => d,
            bool => null,
            string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        }
        : null;

    /// <summary>A custom field as a boolean; true for true, "true", "yes" and "1".</summary>
    public bool AttrFlag(string name) => Attributes.TryGetValue(name, out var value) && value switch
    {
        bool b => b,
        decimal d => d != 0,
        string s => s.Trim().ToLowerInvariant() is "true" or "yes" or "1" or "y",
        _ => false,
    };
}
