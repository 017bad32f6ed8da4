namespace SalesOps.Routing.Engine.Rules;

/// <summary>A sales team: who is in it and how leads are shared among them.</summary>
/// <param name="Id">Stable team id used by routing rules, e.g. "EMEA-DACH".</param>
/// <param name="Name">Display name.</param>
/// <param name="Distribution">Distribution method, e.g. "round-robin".</param>
/// <param name="Reps">Reps in rotation order.</param>
public sealed record TeamDefinition(string Id, string Name, string Distribution, IReadOnlyList<RepDefinition> Reps);
