namespace SalesOps.Routing.Host.Tests.Dashboard;

/// <summary><c>GET /api/dashboard/breached</c> or <c>/at-risk</c> as a client reads it.</summary>
internal sealed record AttentionPage(DateTimeOffset Now, DateTimeOffset? Since, List<AttentionItem> Items, bool More);

/// <summary>One clock on the dashboard's breached or at-risk list.</summary>
internal sealed record AttentionItem(
    string LeadId,
    string? Company,
    string State,
    string? Team,
    string? RepId,
    string? RepName,
    string Policy,
    DateTimeOffset DueAt,
    DateTimeOffset? BreachedAt,
    string? ReassignedTo,
    string? ReassignedToName);
