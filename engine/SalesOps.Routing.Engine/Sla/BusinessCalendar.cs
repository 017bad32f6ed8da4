using NodaTime;

namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// Business time on weekly opening hours in an IANA time zone, with whole and partial-day holidays,
/// or around the clock. Pure and immutable: every method takes UTC instants and answers from the
/// zone rules, never from the server's local zone.
/// </summary>
/// <remarks>
/// Opening hours are wall-clock times. A period counts exactly the instants at which the local clock
/// shows a time inside it, so on the spring-forward day a 00:00–24:00 day lasts 23 hours and the
/// skipped hour counts nothing, and on the autumn day a period containing the repeated hour counts
/// it twice, as the clock shows it twice. Zone rules come from NodaTime's bundled TZDB, so every
/// machine computes the same deadlines whatever its own time-zone data.
/// </remarks>
public sealed partial class BusinessCalendar
{
    // A valid calendar opens every week, so only a long run of holidays can keep it closed; past this
    // many closed days in a row the search fails loudly instead of spinning.
    private const int MaxClosedDays = 3 * 366;

    private readonly DateTimeZone _zone;
    private readonly Dictionary<IsoDayOfWeek, DailyPeriod[]> _weekly;
    private readonly Dictionary<LocalDate, DailyPeriod[]> _holidays;
    private readonly DayIntervalCache _days;

    // An always-open calendar never works a day out; its copies share this one, unused.
    private static readonly DayIntervalCache NoDays = new();

    /// <summary>Creates a calendar with weekly opening hours and holidays in the zone <paramref name="timeZoneId"/>.</summary>
    /// <exception cref="ArgumentException">The zone is unknown, a period is invalid or overlaps another, or the week has no opening at all.</exception>
    public BusinessCalendar(string name, string timeZoneId, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<DailyPeriod>> weeklyHours,
        IEnumerable<CalendarHoliday>? holidays = null)
    {
        Name = name;
        _zone = ZoneOf(timeZoneId);
        _weekly = weeklyHours.ToDictionary(p => ToIso(p.Key), p => Checked(p.Value, $"{p.Key}"));
        if (_weekly.Values.All(periods => periods.Length == 0))
            throw new ArgumentException($"Calendar '{name}' has no opening hours on any day of the week.", nameof(weeklyHours));
        _holidays = new Dictionary<LocalDate, DailyPeriod[]>();
        _days = new DayIntervalCache();
        foreach (var holiday in holidays ?? [])
        {
            var date = LocalDate.FromDateOnly(holiday.Date);
            if (!_holidays.TryAdd(date, Checked(holiday.OpenPeriods, $"holiday {holiday.Date:yyyy-MM-dd}")))
                throw new ArgumentException($"Calendar '{name}' lists {holiday.Date:yyyy-MM-dd} twice.", nameof(holidays));
        }
    }

    private BusinessCalendar(string name, DateTimeZone zone, Dictionary<IsoDayOfWeek, DailyPeriod[]> weekly,
        Dictionary<LocalDate, DailyPeriod[]> holidays, DayIntervalCache days, bool alwaysOpen)
    {
        Name = name;
        _zone = zone;
        _weekly = weekly;
        _holidays = holidays;
        _days = days;
        IsAlwaysOpen = alwaysOpen;
    }

    /// <summary>A calendar open every second of every day: business time is elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen(string name = "24x7") =>
        new(name, DateTimeZone.Utc, [], [], NoDays, alwaysOpen: true);

    /// <summary>The calendar's name, as the policy file calls it.</summary>
    public string Name { get; }

    /// <summary>The IANA zone the opening hours and holidays are read in.</summary>
    public string TimeZoneId => _zone.Id;

    /// <summary>True for a 24x7 calendar.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>True when <paramref name="timeZoneId"/> names a zone this calendar code knows.</summary>
    public static bool IsKnownTimeZone(string? timeZoneId) =>
        timeZoneId is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is not null;

    /// <summary>The same opening hours and holidays, read on the wall clock of another zone (a rep's own).</summary>
    public BusinessCalendar InZone(string timeZoneId, string? name = null) => IsAlwaysOpen
        ? this
        : new BusinessCalendar(name ?? Name, ZoneOf(timeZoneId), _weekly, _holidays, _days, alwaysOpen: false);

    /// <summary>
    /// The instant at which <paramref name="amount"/> of business time has passed since
    /// <paramref name="start"/>. A start outside hours begins counting at the next opening; the
    /// result is never outside hours, and a deadline that falls exactly at a closing stays there.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var remaining = Duration.FromTimeSpan(amount);
        foreach (var (open, close) in OpenIntervalsFrom(Instant.FromDateTimeOffset(start)))
        {
            var length = close - open;
            if (remaining <= length)
                return (open + remaining).ToDateTimeOffset();
            remaining -= length;
        }

        throw NoOpening(start);
    }

    /// <summary>Business time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var end = Instant.FromDateTimeOffset(to);
        var total = Duration.Zero;
        if (end <= Instant.FromDateTimeOffset(from))
            return TimeSpan.Zero;
        foreach (var (open, close) in OpenIntervalsFrom(Instant.FromDateTimeOffset(from)))
        {
            if (open >= end)
                break;
            total += (close < end ? close : end) - open;
            if (close >= end)
                break;
        }

        return total.ToTimeSpan();
    }

    /// <summary>The first instant at or after <paramref name="from"/> at which the calendar is open.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset from)
    {
        foreach (var (open, _) in OpenIntervalsFrom(Instant.FromDateTimeOffset(from)))
            return open.ToDateTimeOffset();
        throw NoOpening(from);
    }

    /// <summary>True when business time is running at <paramref name="instant"/>.</summary>
    public bool IsOpen(DateTimeOffset instant) => NextOpening(instant) == instant;

    /// <inheritdoc />
    public override string ToString() => IsAlwaysOpen ? $"{Name} (24x7)" : $"{Name} ({TimeZoneId})";

    private InvalidOperationException NoOpening(DateTimeOffset from) =>
        new($"Calendar '{Name}' is closed for more than {MaxClosedDays} days in a row after {from:O}.");

    private static DateTimeZone ZoneOf(string timeZoneId) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
        ?? throw new ArgumentException($"'{timeZoneId}' is not an IANA time zone.", nameof(timeZoneId));

    private static IsoDayOfWeek ToIso(DayOfWeek day) => day == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)day;

    private static DailyPeriod[] Checked(IReadOnlyList<DailyPeriod> periods, string where)
    {
        var sorted = periods.OrderBy(p => p.From).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!sorted[i].IsValid)
                throw new ArgumentException($"{where}: {sorted[i]} is not a period within one day.", nameof(periods));
            if (i > 0 && sorted[i].From < sorted[i - 1].To)
                throw new ArgumentException($"{where}: {sorted[i - 1]} and {sorted[i]} overlap.", nameof(periods));
        }

        return sorted;
    }
}
