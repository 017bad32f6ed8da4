namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// What changes about a rep while leads flow: overrides set by ops (active, out of office, capacity,
/// weight; null means "as configured") and the counters that capacity and fairness depend on.
/// </summary>
public sealed class RepState
{
    /// <summary>The rep.</summary>
    public required string RepId { get; init; }

    /// <summary>Override of the configured active flag.</summary>
    public bool? Active { get; set; }

    /// <summary>Start of an out-of-office period, inclusive.</summary>
    public DateTimeOffset? OutOfOfficeFrom { get; set; }

    /// <summary>End of an out-of-office period, exclusive; null with a start means until further notice.</summary>
    public DateTimeOffset? OutOfOfficeTo { get; set; }

    /// <summary>Override of the configured cap on leads awaiting first touch.</summary>
    public int? MaxOpenLeads { get; set; }

    /// <summary>Override of the configured daily cap.</summary>
    public int? MaxLeadsPerDay { get; set; }

    /// <summary>Override of the configured weight.</summary>
    public int? Weight { get; set; }

    /// <summary>Leads assigned to the rep that still await first touch.</summary>
    public int OpenLeads { get; set; }

    /// <summary>Leads assigned on <see cref="AssignedDay"/>.</summary>
    public int AssignedToday { get; set; }

    /// <summary>The rep-local day <see cref="AssignedToday"/> counts.</summary>
    public DateOnly? AssignedDay { get; set; }

    /// <summary>Smooth weighted round-robin credit; only weighted teams use it.</summary>
    public long Credit { get; set; }

    /// <summary>True when <paramref name="instant"/> falls in the out-of-office period.</summary>
    public bool IsOutOfOffice(DateTimeOffset instant) =>
        OutOfOfficeFrom is { } from && instant >= from && (OutOfOfficeTo is not { } to || instant < to);
}
