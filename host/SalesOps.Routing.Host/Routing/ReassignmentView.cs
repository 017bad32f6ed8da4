using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Routing;

/// <summary>A lead moved to another rep (or the team queue when nobody could take it), with why.</summary>
internal sealed record ReassignmentView(string LeadId, string FromRepId, string? ToRepId, string? Team, IReadOnlyList<TraceEntryResponse> Trace)
{
    public static ReassignmentView From(Reassignment moved) => new(moved.LeadId, moved.FromRepId, moved.ToRepId, moved.TeamId,
        [.. moved.Trace.Select(t => new TraceEntryResponse(t.Stage, t.Rule, t.Effect))]);
}
