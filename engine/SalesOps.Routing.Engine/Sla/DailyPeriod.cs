namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// One stretch of opening hours within a local day, as times since local midnight. <see cref="To"/>
/// may be 24:00, so a calendar can stay open across midnight by opening at 00:00 the next day.
/// </summary>
/// <param name="From">Opening time, from 00:00 up to (not including) 24:00.</param>
/// <param name="To">Closing time, after <paramref name="From"/> and at most 24:00.</param>
public readonly record struct DailyPeriod(TimeSpan From, TimeSpan To)
{
    /// <summary>The length of a local day on a wall clock: the latest a period can close.</summary>
    public static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    /// <summary>The whole local day, 00:00 to 24:00.</summary>
    public static DailyPeriod WholeDay { get; } = new(TimeSpan.Zero, EndOfDay);

    /// <summary>True when the period lies within one day and closes after it opens.</summary>
    public bool IsValid => From >= TimeSpan.Zero && To <= EndOfDay && From < To;

    /// <summary>Builds a period from hours and minutes; the closing may be 24:00.</summary>
    public static DailyPeriod Between(int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(new TimeSpan(fromHour, fromMinute, 0), new TimeSpan(toHour, toMinute, 0));

    /// <inheritdoc />
    public override string ToString() => $"{Format(From)}-{Format(To)}";

    private static string Format(TimeSpan time) => time == EndOfDay ? "24:00" : time.ToString(time.Seconds == 0 ? @"hh\:mm" : @"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
}
