namespace SalesOps.Routing.Engine.Rules;

/// <summary>A sales team: who is in it, how leads are shared among them, and where leads go when nobody can take them.</summary>
public sealed record TeamDefinition
{
    /// <summary>Stable team id used by routing rules, e.g. "EMEA-DACH".</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Distribution method, one of <see cref="Distributions.All"/>.</summary>
    public string Distribution { get; init; } = Distributions.RoundRobin;

    /// <summary>Reps in rotation order.</summary>
    public IReadOnlyList<RepDefinition> Reps { get; init; } = [];

    /// <summary>Where a lead goes when no rep of the team is eligible.</summary>
    public TeamFallback Fallback { get; init; } = TeamFallback.DefaultQueue;
}
