namespace SalesOps.Routing.Engine.Sla;

public sealed partial class SlaRules
{
    /// <summary>
    /// The calendar a timer's key names: a calendar of this file, or one read in another zone
    /// (<c>NAME@ZONE</c>, a rep's own). Null when this version of the file no longer has it.
    /// </summary>
    public BusinessCalendar? FindCalendar(string key)
    {
        if (Calendars.TryGetValue(key, out var calendar))
            return calendar;
        var separator = key.LastIndexOf(SlaCalendars.ZoneSeparator);
        if (separator <= 0 || !Calendars.TryGetValue(key[..separator], out var hours))
            return null;
        var zone = key[(separator + 1)..];
        return BusinessCalendar.IsKnownTimeZone(zone) ? hours.InZone(zone, key) : null;
    }
}
