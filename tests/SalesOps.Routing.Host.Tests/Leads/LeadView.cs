using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Leads;

/// <summary><c>GET /api/leads/{id}</c> as a client reads it: the lead now, the decision's choice, and its assignments.</summary>
internal sealed record LeadView(
    string Id,
    string Status,
    string? Team,
    string? RepId,
    string? RepName,
    List<LeadDecision.Step> Trace,
    LeadView.DecidedOwner Decided,
    List<LeadView.Assignment> Assignments)
{
    internal sealed record DecidedOwner(string Status, string? Team, string? RepId, string? RepName);

    internal sealed record Assignment(string Team, string RepId, DateTimeOffset AssignedAt, DateTimeOffset? EndedAt, string Reason, List<LeadDecision.Step>? Trace);
}
