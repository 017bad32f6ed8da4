namespace SalesOps.Routing.Host.Leads;

/// <summary>What the routing decision chose when the lead arrived.</summary>
internal sealed record DecidedOwnerResponse(string Status, string? Team, string? RepId, string? RepName);
