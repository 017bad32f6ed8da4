using System.Globalization;
using System.Text.Json;

namespace SalesOps.Routing.Engine.Sla;

internal static partial class SlaRulesBuilder
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The calendars that are valid; <paramref name="declared"/> also gets the names of broken ones, so references to them are not reported again.</summary>
    private static Dictionary<string, BusinessCalendar> ReadCalendars(JsonElement root, SlaFileReader reader, HashSet<string> declared)
    {
        declared.Add(SlaCalendars.AlwaysOpen);
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal)
        {
            [SlaCalendars.AlwaysOpen] = BusinessCalendar.AlwaysOpen(),
        };
        if (!root.TryGetProperty("calendars", out var section) || !reader.IsObject(section, "calendars"))
            return calendars;

        foreach (var entry in section.EnumerateObject())
        {
            var path = SlaFileReader.Child("calendars", entry.Name);
            if (entry.Name is SlaCalendars.Rep or SlaCalendars.Team or SlaCalendars.AlwaysOpen || entry.Name.Contains(SlaCalendars.ZoneSeparator, StringComparison.Ordinal))
            {
                reader.Fail(path, $"'{entry.Name}' is reserved; choose another calendar name");
                continue;
            }

            declared.Add(entry.Name);
            if (ReadCalendar(entry.Name, entry.Value, path, reader) is { } calendar)
                calendars[entry.Name] = calendar;
        }

        return calendars;
    }

    private static BusinessCalendar? ReadCalendar(string name, JsonElement element, string path, SlaFileReader reader)
    {
        if (element.ValueKind == JsonValueKind.String && element.GetString() == SlaCalendars.AlwaysOpen)
            return BusinessCalendar.AlwaysOpen(name);
        if (!reader.IsObject(element, path, "timeZone", "hours", "holidays"))
            return null;

        var zone = reader.RequiredString(element, path, "timeZone");
        if (zone is not null && !BusinessCalendar.IsKnownTimeZone(zone))
        {
            reader.Fail(SlaFileReader.Child(path, "timeZone"), $"'{zone}' is not an IANA time zone (e.g. Europe/Berlin)");
            zone = null;
        }

        var weekly = ReadWeeklyHours(element, path, reader);
        var holidays = ReadHolidays(element, path, reader);
        if (zone is null || weekly is null || holidays is null)
            return null;
        try
        {
            return new BusinessCalendar(name, zone, weekly, holidays);
        }
        catch (ArgumentException ex)
        {
            reader.Fail(path, ex.Message);
            return null;
        }
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<DailyPeriod>>? ReadWeeklyHours(JsonElement element, string path, SlaFileReader reader)
    {
        var hoursPath = SlaFileReader.Child(path, "hours");
        if (!element.TryGetProperty("hours", out var hours))
        {
            reader.Fail(path, "\"hours\" is required, e.g. { \"mon-fri\": \"09:00-17:30\" }");
            return null;
        }

        if (!reader.IsObject(hours, hoursPath))
            return null;
        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<DailyPeriod>>();
        var ok = true;
        foreach (var entry in hours.EnumerateObject())
        {
            var dayPath = SlaFileReader.Child(hoursPath, entry.Name);
            var days = ParseDays(entry.Name);
            var periods = ReadPeriods(entry.Value, dayPath, reader);
            if (days is null)
                reader.Fail(dayPath, $"'{entry.Name}' is not a day or range of days; use mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri");
            if (days is null || periods is null)
            {
                ok = false;
                continue;
            }

            foreach (var day in days.Where(day => !weekly.TryAdd(day, periods)))
            {
                reader.Fail(dayPath, $"{DayNames[(int)day]} already has hours");
                ok = false;
            }
        }

        if (ok && weekly.Values.All(p => p.Count == 0))
        {
            reader.Fail(hoursPath, "the calendar is never open; give at least one day some hours");
            return null;
        }

        return ok ? weekly : null;
    }

    private static List<CalendarHoliday>? ReadHolidays(JsonElement element, string path, SlaFileReader reader)
    {
        var holidaysPath = SlaFileReader.Child(path, "holidays");
        if (!element.TryGetProperty("holidays", out var section))
            return [];
        if (section.ValueKind != JsonValueKind.Array)
        {
            reader.Fail(holidaysPath, "must be an array of { \"date\": \"YYYY-MM-DD\" } entries");
            return null;
        }

        var holidays = new List<CalendarHoliday>();
        var dates = new HashSet<DateOnly>();
        var index = 0;
        var ok = true;
        foreach (var item in section.EnumerateArray())
        {
            var itemPath = SlaFileReader.Item(holidaysPath, index++);
            if (!reader.IsObject(item, itemPath, "date", "name", "hours"))
            {
                ok = false;
                continue;
            }

            var text = reader.RequiredString(item, itemPath, "date");
            var periods = item.TryGetProperty("hours", out var hours) ? ReadPeriods(hours, SlaFileReader.Child(itemPath, "hours"), reader) : [];
            if (text is null || periods is null)
            {
                ok = false;
                continue;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                reader.Fail(SlaFileReader.Child(itemPath, "date"), $"'{text}' is not a date in the form YYYY-MM-DD");
                ok = false;
            }
            else if (!dates.Add(date))
            {
                reader.Fail(SlaFileReader.Child(itemPath, "date"), $"{text} is listed twice");
                ok = false;
            }
            else
            {
                holidays.Add(new CalendarHoliday(date, periods, reader.OptionalString(item, itemPath, "name")));
            }
        }

        return ok ? holidays : null;
    }
}
