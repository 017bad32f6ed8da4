namespace SalesOps.Routing.Host.Sla;

/// <summary>One page of timers, with the total across all pages.</summary>
internal sealed record SlaTimerPage(IReadOnlyList<SlaTimerResponse> Items, int Page, int PageSize, long Total);
