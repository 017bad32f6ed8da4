namespace SalesOps.Routing.Host.Dashboard;

/// <summary>"Today" and "this week" (from Monday) in the dashboard's time zone, as UTC instants.</summary>
internal sealed record DashboardPeriod(DateTimeOffset DayStart, DateTimeOffset DayEnd, DateTimeOffset WeekStart, TimeZoneInfo Zone)
{
    public static DashboardPeriod At(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        DateTimeOffset Instant(DateTime localTime) => new(localTime, zone.GetUtcOffset(localTime));
        var daysSinceMonday = ((int)local.DayOfWeek + 6) % 7;
        return new DashboardPeriod(Instant(midnight), Instant(midnight.AddDays(1)), Instant(midnight.AddDays(-daysSinceMonday)), zone);
    }
}
