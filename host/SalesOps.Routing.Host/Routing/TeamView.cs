namespace SalesOps.Routing.Host.Routing;

/// <summary>A team, its distribution method and fallback, and its reps.</summary>
internal sealed record TeamView(string Id, string Name, string Distribution, string? FallbackRep, string FallbackQueue, IReadOnlyList<RepView> Reps);
