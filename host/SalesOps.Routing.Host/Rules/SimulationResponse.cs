using SalesOps.Routing.Host.Leads;

namespace SalesOps.Routing.Host.Rules;

/// <summary>The decision a lead would get, with its trace; nothing of it was stored.</summary>
internal sealed record SimulationResponse(
    bool Draft,
    string RuleSetVersion,
    string Status,
    int Score,
    bool Qualified,
    string? Team,
    string? RepId,
    string? RepName,
    IReadOnlyList<TraceEntryResponse> Trace);
