namespace SalesOps.Routing.Host.Dashboard;

/// <summary>Something the dashboard should show without a reload: a lead routed or touched, a rep changed, an SLA warning or breach.</summary>
/// <param name="Type">Event type, e.g. "lead.assigned", "sla.breached".</param>
/// <param name="LeadId">The lead concerned, if any.</param>
/// <param name="RepId">The rep concerned, if any.</param>
/// <param name="Team">The team concerned, if any.</param>
/// <param name="At">When it happened.</param>
internal sealed record DashboardEvent(string Type, string? LeadId, string? RepId, string? Team, DateTimeOffset At);
