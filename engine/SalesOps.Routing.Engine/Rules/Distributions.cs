namespace SalesOps.Routing.Engine.Rules;

/// <summary>The distribution methods a team can use.</summary>
public static class Distributions
{
    /// <summary>Each eligible rep in turn, in the order the team lists them.</summary>
    public const string RoundRobin = "round-robin";

    /// <summary>Eligible reps in proportion to their weights, spread evenly (smooth weighted round robin).</summary>
    public const string Weighted = "weighted";

    /// <summary>The eligible rep with the fewest leads awaiting first touch; round-robin order breaks ties.</summary>
    public const string LeastLoaded = "least-loaded";

    /// <summary>Every method the engine knows.</summary>
    public static IReadOnlyList<string> All { get; } = [RoundRobin, Weighted, LeastLoaded];

    /// <summary>True for a known method; a missing one means round robin.</summary>
    public static bool IsKnown(string? name) => name is null || All.Contains(name, StringComparer.OrdinalIgnoreCase);
}
