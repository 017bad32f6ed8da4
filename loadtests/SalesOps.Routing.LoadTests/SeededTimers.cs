namespace SalesOps.Routing.LoadTests;

/// <summary>The seeded first-touch clocks, by id, and how many routed leads they were copied from.</summary>
internal sealed record SeededTimers(IReadOnlyList<string> TimerIds, int Templates);
