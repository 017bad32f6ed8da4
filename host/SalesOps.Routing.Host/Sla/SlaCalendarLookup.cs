using SalesOps.Routing.Engine.Sla;

namespace SalesOps.Routing.Host.Sla;

internal static class SlaCalendarLookup
{
    /// <summary>
    /// The calendar a stored timer names, from the live policy file. A calendar since deleted from the
    /// file falls back to 24x7: the clock still ends, and its stored deadline stays as it was.
    /// </summary>
    public static BusinessCalendar CalendarOrAlwaysOpen(this SlaRules rules, string key) =>
        rules.FindCalendar(key) ?? BusinessCalendar.AlwaysOpen(key);
}
