namespace SalesOps.Routing.Engine.Sla;

/// <summary>The calendar names with a meaning of their own in a policy's <c>calendar</c>.</summary>
public static class SlaCalendars
{
    /// <summary>The rep's own time zone (from the teams file) with the hours of the policy's <c>hours</c> calendar.</summary>
    public const string Rep = "rep";
    /// <summary>The owning team's calendar (policy file, <c>teams</c>), else the policy's <c>hours</c> calendar, else 24x7.</summary>
    public const string Team = "team";
    /// <summary>Built in: open every second of every day.</summary>
    public const string AlwaysOpen = "24x7";
    /// <summary>Separates a calendar's name from the zone it is read in: <c>office-hours@America/Chicago</c>.</summary>
    public const char ZoneSeparator = '@';
}
