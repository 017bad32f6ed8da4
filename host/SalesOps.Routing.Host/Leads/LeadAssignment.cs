namespace SalesOps.Routing.Host.Leads;

/// <summary>One stretch of ownership; a move (SLA breach, ops reassignment) carries the trace of why.</summary>
internal sealed record LeadAssignment(string TeamId, string RepId, DateTimeOffset AssignedAt, DateTimeOffset? EndedAt, string Reason, string? Trace);
