namespace SalesOps.Routing.Host.Leads;

/// <summary>The reads of a lead as it is now, supplied per dialect.</summary>
internal sealed record LeadHistoryStatements
{
    public required string SelectLeadNow { get; init; }
}
