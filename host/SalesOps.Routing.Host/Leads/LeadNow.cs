namespace SalesOps.Routing.Host.Leads;

/// <summary>A lead's status and owner now, and every assignment it has had, first decision first.</summary>
internal sealed record LeadNow(string Status, string? TeamId, string? RepId, IReadOnlyList<LeadAssignment> Assignments);
