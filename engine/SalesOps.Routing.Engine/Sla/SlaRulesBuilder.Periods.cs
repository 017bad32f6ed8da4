using System.Globalization;
using System.Text.Json;

namespace SalesOps.Routing.Engine.Sla;

internal static partial class SlaRulesBuilder
{
    /// <summary>"09:00-17:30" or ["09:00-12:30", "13:30-17:30"]; "closed" or [] for none.</summary>
    private static List<DailyPeriod>? ReadPeriods(JsonElement value, string path, SlaFileReader reader)
    {
        var texts = reader.StringOrList(value, path);
        if (texts is null)
            return null;
        var periods = new List<DailyPeriod>();
        foreach (var text in texts.Where(t => !string.Equals(t.Trim(), "closed", StringComparison.OrdinalIgnoreCase)))
        {
            if (ParsePeriod(text) is { IsValid: true } period)
            {
                periods.Add(period);
                continue;
            }

            reader.Fail(path, $"'{text}' is not an opening period; write HH:mm-HH:mm with the closing after the opening (24:00 allowed), e.g. 09:00-17:30");
            return null;
        }

        periods.Sort((a, b) => a.From.CompareTo(b.From));
        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i].From < periods[i - 1].To)
            {
                reader.Fail(path, $"{periods[i - 1]} and {periods[i]} overlap");
                return null;
            }
        }

        return periods;
    }

    private static DailyPeriod? ParsePeriod(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && ParseTime(parts[0]) is { } from && ParseTime(parts[1]) is { } to ? new DailyPeriod(from, to) : null;
    }

    private static TimeSpan? ParseTime(string text)
    {
        if (text is "24:00" or "24:00:00")
            return DailyPeriod.EndOfDay;
        string[] formats = ["H\\:mm", "HH\\:mm", "H\\:mm\\:ss", "HH\\:mm\\:ss"];
        return TimeOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToTimeSpan() : null;
    }

    private static List<DayOfWeek>? ParseDays(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('-', StringSplitOptions.TrimEntries);
        var first = parts.Length is 1 or 2 ? Array.IndexOf(DayNames, parts[0]) : -1;
        var last = parts.Length == 2 ? Array.IndexOf(DayNames, parts[1]) : first;
        if (first < 0 || last < 0)
            return null;
        var days = new List<DayOfWeek>();
        for (var day = first; ; day = (day + 1) % 7)
        {
            days.Add((DayOfWeek)day);
            if (day == last)
                return days;
        }
    }
}
