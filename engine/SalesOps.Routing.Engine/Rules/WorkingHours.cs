namespace SalesOps.Routing.Engine.Rules;

/// <summary>Weekly hours in which a rep takes leads, in the rep's own time zone.</summary>
/// <param name="Windows">Opening windows; a day may have several (split shifts).</param>
public sealed record WorkingHours(IReadOnlyList<WorkingWindow> Windows)
{
    /// <summary>True when <paramref name="instant"/>, seen in <paramref name="zone"/>, falls in one of the windows.</summary>
    public bool IsOpen(DateTimeOffset instant, TimeZoneInfo zone) => IsOpenAt(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>True when <paramref name="local"/>, a wall-clock time in the rep's zone, falls in one of the windows.</summary>
    public bool IsOpenAt(DateTime local)
    {
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        // Indexed: a foreach over the interface would allocate an enumerator per rep per decision.
        for (var i = 0; i < Windows.Count; i++)
        {
            var window = Windows[i];
            if (window.Days.Contains(local.DayOfWeek) && time >= window.From && time < window.To)
                return true;
        }

        return false;
    }

    /// <summary>Readable form for traces, e.g. "Mon–Fri 09:00–17:30".</summary>
    public override string ToString() => string.Join(", ", Windows);
}
