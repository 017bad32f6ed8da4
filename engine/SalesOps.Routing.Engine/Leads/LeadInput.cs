namespace SalesOps.Routing.Engine.Leads;

/// <summary>
/// A lead as a marketing system sent it, after type checks but before normalization.
/// Values are kept raw so the stored lead shows exactly what arrived.
/// </summary>
public sealed record LeadInput
{
    /// <summary>The posting system's id for the lead; unique together with <see cref="Source"/>.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The posting system, e.g. "hubspot" or "web-form".</summary>
    public required string Source { get; init; }

    /// <summary>Contact e-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Contact first name.</summary>
    public string? FirstName { get; init; }
    /// <summary>Contact last name.</summary>
    public string? LastName { get; init; }
    /// <summary>Job title.</summary>
    public string? Title { get; init; }
    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }
    /// <summary>Company name.</summary>
    public string? Company { get; init; }
    /// <summary>Company web site.</summary>
    public string? Website { get; init; }
    /// <summary>Country as sent: a name, an ISO alpha-2 or alpha-3 code, or junk.</summary>
    public string? Country { get; init; }
    /// <summary>State or region.</summary>
    public string? State { get; init; }
    /// <summary>Postal code.</summary>
    public string? PostalCode { get; init; }
    /// <summary>City.</summary>
    public string? City { get; init; }
    /// <summary>Industry.</summary>
    public string? Industry { get; init; }
    /// <summary>Number of employees, when the sender knew it.</summary>
    public long? Employees { get; init; }
    /// <summary>Annual revenue, when the sender knew it.</summary>
    public decimal? AnnualRevenue { get; init; }
    /// <summary>Marketing lead source, e.g. "demo-request".</summary>
    public string? LeadSource { get; init; }
    /// <summary>Campaign name.</summary>
    public string? Campaign { get; init; }

    /// <summary>
    /// Fields that arrived well-formed but unusable (e.g. employees "50-200"), by field name with the
    /// raw text; routing treats them as unknown and the trace says so.
    /// </summary>
    public IReadOnlyDictionary<string, string> Unusable { get; init; } = new Dictionary<string, string>();

    /// <summary>Custom fields: string, decimal, bool or null values.</summary>
    public IReadOnlyDictionary<string, object?> Attributes { get; init; } =
        new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
}
