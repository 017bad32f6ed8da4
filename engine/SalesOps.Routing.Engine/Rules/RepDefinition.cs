namespace SalesOps.Routing.Engine.Rules;

/// <summary>A sales rep as configured in the teams file. Operational changes (out of office, capacity) are layered on top by <see cref="Assignment.RepState"/>.</summary>
public sealed record RepDefinition
{
    /// <summary>Stable rep id.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Team the rep belongs to.</summary>
    public required string TeamId { get; init; }

    /// <summary>E-mail address for notifications.</summary>
    public string? Email { get; init; }

    /// <summary>IANA time zone id of the rep (or of the team when the rep has none).</summary>
    public string? TimeZone { get; init; }

    /// <summary>The resolved time zone, UTC when none is configured.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Relative share for weighted distribution; 1 by default.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>Most leads awaiting first touch the rep may hold; null for no cap.</summary>
    public int? MaxOpenLeads { get; init; }

    /// <summary>Most new leads per day in the rep's time zone; null for no cap.</summary>
    public int? MaxLeadsPerDay { get; init; }

    /// <summary>False for a rep who is configured but takes no leads.</summary>
    public bool Active { get; init; } = true;

    /// <summary>When the rep takes leads; null means at any time.</summary>
    public WorkingHours? WorkingHours { get; init; }
}
