using System.Text.Json;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

/// <summary>One rep's ownership of a lead: from when, until when (null while it lasts), and why; a move carries its trace.</summary>
internal sealed record AssignmentResponse(string Team, string RepId, DateTimeOffset AssignedAt, DateTimeOffset? EndedAt, string Reason,
    IReadOnlyList<TraceEntryResponse>? Trace)
{
    public static AssignmentResponse From(LeadAssignment assignment) => new(assignment.TeamId, assignment.RepId, assignment.AssignedAt,
        assignment.EndedAt, assignment.Reason, assignment.Trace is null ? null
            : [.. (JsonSerializer.Deserialize<List<TraceEntry>>(assignment.Trace, LeadStore.TraceJson) ?? []).Select(t => new TraceEntryResponse(t.Stage, t.Rule, t.Effect))]);
}
