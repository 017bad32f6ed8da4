using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Host.Storage;

/// <summary>One lead moved from one rep to another (or to the team queue), with the trace of why.</summary>
internal sealed record Reassignment(string LeadId, string FromRepId, string? ToRepId, string? TeamId, IReadOnlyList<TraceEntry> Trace);
