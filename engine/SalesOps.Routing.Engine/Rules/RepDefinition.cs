namespace SalesOps.Routing.Engine.Rules;

/// <summary>A sales rep as configured in the teams file.</summary>
/// <param name="Id">Stable rep id.</param>
/// <param name="Name">Display name.</param>
/// <param name="TimeZone">IANA time zone of the rep, e.g. "Europe/Berlin".</param>
public sealed record RepDefinition(string Id, string Name, string? TimeZone);
