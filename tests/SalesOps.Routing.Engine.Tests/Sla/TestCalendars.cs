using System.Globalization;
using SalesOps.Routing.Engine.Sla;

namespace SalesOps.Routing.Engine.Tests.Sla;

/// <summary>Calendars and instants for clock tests. Expected instants are written in UTC, worked out by hand.</summary>
internal static class TestCalendars
{
    public const string Berlin = "Europe/Berlin";
    public const string NewYork = "America/New_York";

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Monday to Friday 09:00–17:30 in Berlin, with Good Friday, Easter Monday, Christmas Day whole and Christmas Eve 09:00–12:00.</summary>
    public static BusinessCalendar BerlinOffice() => new("berlin-office", Berlin, WeekdayHours(DailyPeriod.Between(9, 0, 17, 30)),
    [
        CalendarHoliday.WholeDay(new DateOnly(2026, 4, 3), "Good Friday"),
        CalendarHoliday.WholeDay(new DateOnly(2026, 4, 6), "Easter Monday"),
        new CalendarHoliday(new DateOnly(2026, 12, 24), [DailyPeriod.Between(9, 0, 12, 0)], "Christmas Eve"),
        CalendarHoliday.WholeDay(new DateOnly(2026, 12, 25), "Christmas Day"),
    ]);

    /// <summary>Monday to Friday 09:00–17:00 in New York, with Thanksgiving whole and the day after 09:00–13:00.</summary>
    public static BusinessCalendar NewYorkOffice() => new("new-york-office", NewYork, WeekdayHours(DailyPeriod.Between(9, 0, 17, 0)),
    [
        CalendarHoliday.WholeDay(new DateOnly(2026, 11, 26), "Thanksgiving"),
        new CalendarHoliday(new DateOnly(2026, 11, 27), [DailyPeriod.Between(9, 0, 13, 0)], "Day after Thanksgiving"),
    ]);

    /// <summary>Open every day for the given period; used to look straight at the DST nights.</summary>
    public static BusinessCalendar EveryDay(string zone, DailyPeriod period) =>
        new("every-day", zone, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, IReadOnlyList<DailyPeriod> (_) => [period]));

    public static Dictionary<DayOfWeek, IReadOnlyList<DailyPeriod>> WeekdayHours(params DailyPeriod[] periods) =>
        Weekdays.ToDictionary(d => d, IReadOnlyList<DailyPeriod> (_) => periods);

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);
}
