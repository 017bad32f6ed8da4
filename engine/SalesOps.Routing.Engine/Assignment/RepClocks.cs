using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// The clock readings a rep's values need at one decision instant: local time and day in the rep's
/// zone, and whether the rep's working hours are open. A team shares one zone and one set of hours,
/// so each is worked out once per instant rather than once per rep; with a few hundred reps that
/// was most of the cost of bringing them up to date.
/// </summary>
internal sealed class RepClocks
{
    private readonly List<(TimeZoneInfo Zone, DateTime Local)> _zones = [];
    private readonly List<(WorkingHours Hours, TimeZoneInfo Zone, bool Open)> _hours = [];
    private DateTimeOffset _at;

    /// <summary>The readings for <paramref name="rep"/> at <paramref name="now"/>.</summary>
    public RepClock For(RepDefinition rep, DateTimeOffset now)
    {
        if (now != _at)
        {
            _zones.Clear();
            _hours.Clear();
            _at = now;
        }

        var local = LocalTime(rep.Zone, now);
        return new RepClock(local, rep.WorkingHours is not { } hours || IsOpen(hours, rep.Zone, local));
    }

    private DateTime LocalTime(TimeZoneInfo zone, DateTimeOffset now)
    {
        foreach (var (known, local) in _zones)
        {
            if (ReferenceEquals(known, zone))
                return local;
        }

        var converted = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        _zones.Add((zone, converted));
        return converted;
    }

    private bool IsOpen(WorkingHours hours, TimeZoneInfo zone, DateTime local)
    {
        foreach (var (knownHours, knownZone, open) in _hours)
        {
            if (ReferenceEquals(knownHours, hours) && ReferenceEquals(knownZone, zone))
                return open;
        }

        var isOpen = hours.IsOpenAt(local);
        _hours.Add((hours, zone, isOpen));
        return isOpen;
    }
}

/// <summary>A rep's clock readings at one instant.</summary>
/// <param name="Local">Wall-clock time in the rep's zone.</param>
/// <param name="InWorkingHours">True when the rep's working hours are open then (or none are set).</param>
internal readonly record struct RepClock(DateTime Local, bool InWorkingHours);
