namespace SalesOps.Routing.Host.Tests.Routing;

/// <summary>A rep as a client reads it from /api/reps.</summary>
internal sealed record RepView(
    string Id, string Name, string Team, bool Active, int? MaxOpenLeads, int Weight, int OpenLeads, int AssignedToday,
    bool EligibleNow, List<string> NotEligibleBecause);

internal sealed record TeamView(string Id, string Distribution, string? FallbackRep, List<RepView> Reps);

internal sealed record ReassignmentView(string LeadId, string FromRepId, string? ToRepId, string? Team, List<Infrastructure.LeadDecision.Step> Trace);

internal sealed record RepChangeResponse(RepView Rep, List<ReassignmentView> Reassigned);
