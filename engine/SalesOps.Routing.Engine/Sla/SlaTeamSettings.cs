namespace SalesOps.Routing.Engine.Sla;

/// <summary>What the policy file says about one team of the teams file.</summary>
/// <param name="TeamId">The team's id.</param>
/// <param name="Calendar">The team's calendar, used by policies on the <c>team</c> calendar.</param>
/// <param name="Manager">Who escalations to the manager reach (an id or address the receiving system knows).</param>
public sealed record SlaTeamSettings(string TeamId, string? Calendar, string? Manager);
