namespace SalesOps.Routing.Host.Sla;

/// <summary>A first touch (call, e-mail, meeting) as the CRM reports it: who, and when (now if omitted).</summary>
internal sealed record SlaTouchRequest(string? Who, string? When);
