using SalesOps.Routing.Engine.Sla;
using static SalesOps.Routing.Engine.Tests.Sla.TestCalendars;

namespace SalesOps.Routing.Engine.Tests.Sla;

/// <summary>America/New_York: EST (UTC-5) until 2026-03-08 07:00Z, EDT (UTC-4) until 2026-11-01 06:00Z.</summary>
public sealed class NewYorkCalendarTests
{
    private readonly BusinessCalendar _office = NewYorkOffice();

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", 30, "2026-03-02T14:30:00Z")]  // Mon 07:00 EST before opening → 09:30
    [InlineData("2026-03-02T21:30:00Z", 30, "2026-03-02T22:00:00Z")]  // Mon 16:30 + 30 → exactly at closing 17:00
    [InlineData("2026-03-02T22:00:00Z", 10, "2026-03-03T14:10:00Z")]  // Mon 17:00 at closing → Tue 09:10
    [InlineData("2026-03-06T21:30:00Z", 60, "2026-03-09T13:30:00Z")]  // Fri 16:30 EST → Mon 09:30 EDT, over the spring-forward weekend
    [InlineData("2026-10-30T20:30:00Z", 60, "2026-11-02T14:30:00Z")]  // Fri 16:30 EDT → Mon 09:30 EST, over the autumn weekend
    [InlineData("2026-03-09T13:00:00Z", 1000, "2026-03-11T13:40:00Z")] // Mon 09:00 EDT + 16 h 40 min → two 8 h days, Wed 09:40
    public void AddBusinessTime_OfficeHours_LandsInsideHours(string start, double minutes, string expected)
    {
        Assert.Equal(Utc(expected), _office.AddBusinessTime(Utc(start), Minutes(minutes)));
    }

    [Fact]
    public void AddBusinessTime_OverThanksgiving_SkipsTheHolidayAndCountsTheHalfDay()
    {
        // Wed 2026-11-25 16:30 EST: 30 min, Thanksgiving closed, Fri 09:00-13:00 → 09:30.
        var deadline = _office.AddBusinessTime(Utc("2026-11-25T21:30:00Z"), Minutes(60));

        Assert.Equal(Utc("2026-11-27T14:30:00Z"), deadline);
    }

    [Fact]
    public void AddBusinessTime_PastTheHalfDay_ContinuesOnMonday()
    {
        // Fri 2026-11-27 12:30 EST: 30 min until the 13:00 closing, then Mon 09:00 + 30 min.
        var deadline = _office.AddBusinessTime(Utc("2026-11-27T17:30:00Z"), Minutes(60));

        Assert.Equal(Utc("2026-11-30T14:30:00Z"), deadline);
    }

    [Fact]
    public void EveryDayCalendar_SpringForwardNight_SkipsTheMissingHour()
    {
        var night = EveryDay(NewYork, DailyPeriod.Between(1, 0, 4, 0));
        var allDay = EveryDay(NewYork, DailyPeriod.WholeDay);

        // 2026-03-08 00:00 EST (05:00Z) to 2026-03-09 00:00 EDT (04:00Z).
        Assert.Equal(TimeSpan.FromHours(2), night.BusinessTimeBetween(Utc("2026-03-08T05:00:00Z"), Utc("2026-03-09T04:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(23), allDay.BusinessTimeBetween(Utc("2026-03-08T05:00:00Z"), Utc("2026-03-09T04:00:00Z")));
        // 01:30 EST + 60 min → 03:30 EDT.
        Assert.Equal(Utc("2026-03-08T07:30:00Z"), night.AddBusinessTime(Utc("2026-03-08T06:30:00Z"), Minutes(60)));
    }

    [Fact]
    public void EveryDayCalendar_AutumnNight_CountsTheRepeatedHourTwice()
    {
        var night = EveryDay(NewYork, DailyPeriod.Between(0, 0, 3, 0));
        var allDay = EveryDay(NewYork, DailyPeriod.WholeDay);

        // 2026-11-01 00:00 EDT (04:00Z) to 03:00 EST (08:00Z); the whole day to 2026-11-02 00:00 EST (05:00Z).
        Assert.Equal(TimeSpan.FromHours(4), night.BusinessTimeBetween(Utc("2026-11-01T04:00:00Z"), Utc("2026-11-02T05:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(25), allDay.BusinessTimeBetween(Utc("2026-11-01T04:00:00Z"), Utc("2026-11-02T05:00:00Z")));
        // 01:30 EDT (first pass) + 60 min → 01:30 EST (second pass).
        Assert.Equal(Utc("2026-11-01T06:30:00Z"), night.AddBusinessTime(Utc("2026-11-01T05:30:00Z"), Minutes(60)));
    }

    [Fact]
    public void InZone_BerlinHoursReadInNewYork_OpenAtNineNewYorkTime()
    {
        var berlinHoursInNewYork = BerlinOffice().InZone(NewYork);

        // Mon 2026-03-09 08:00 EDT (12:00Z) is before 09:00 in New York, though Berlin has been open for hours.
        Assert.Equal(Utc("2026-03-09T13:00:00Z"), berlinHoursInNewYork.NextOpening(Utc("2026-03-09T12:00:00Z")));
        Assert.Equal(NewYork, berlinHoursInNewYork.TimeZoneId);
    }

    [Fact]
    public void AlwaysOpen_CountsElapsedTime()
    {
        var always = BusinessCalendar.AlwaysOpen();

        Assert.Equal(Utc("2026-03-08T07:30:00Z"), always.AddBusinessTime(Utc("2026-03-08T06:30:00Z"), Minutes(60)));
        Assert.Equal(TimeSpan.FromDays(3), always.BusinessTimeBetween(Utc("2026-03-06T00:00:00Z"), Utc("2026-03-09T00:00:00Z")));
    }
}
