namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// A date on which a calendar's weekly hours do not apply: closed all day, or open only for
/// <see cref="OpenPeriods"/> (a partial day such as Christmas Eve 09:00–12:00).
/// </summary>
/// <param name="Date">The local date in the calendar's time zone.</param>
/// <param name="OpenPeriods">What is open that day; empty for a whole-day holiday.</param>
/// <param name="Name">What the day is, for people reading the calendar.</param>
public sealed record CalendarHoliday(DateOnly Date, IReadOnlyList<DailyPeriod> OpenPeriods, string? Name = null)
{
    /// <summary>A day closed from midnight to midnight.</summary>
    public static CalendarHoliday WholeDay(DateOnly date, string? name = null) => new(date, [], name);
}
