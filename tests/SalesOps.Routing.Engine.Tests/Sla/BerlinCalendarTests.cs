using SalesOps.Routing.Engine.Sla;
using static SalesOps.Routing.Engine.Tests.Sla.TestCalendars;

namespace SalesOps.Routing.Engine.Tests.Sla;

/// <summary>Europe/Berlin: CET (UTC+1) until 2026-03-29 01:00Z, CEST (UTC+2) until 2026-10-25 01:00Z.</summary>
public sealed class BerlinCalendarTests
{
    private readonly BusinessCalendar _office = BerlinOffice();

    [Theory]
    [InlineData("2026-03-02T06:00:00Z", 30, "2026-03-02T08:30:00Z")]  // Mon 07:00 before opening → 09:30
    [InlineData("2026-03-06T16:30:00Z", 15, "2026-03-09T08:15:00Z")]  // Fri 17:30 exactly at closing → Mon 09:15
    [InlineData("2026-03-07T11:00:00Z", 15, "2026-03-09T08:15:00Z")]  // Saturday → Mon 09:15
    [InlineData("2026-03-02T16:00:00Z", 30, "2026-03-02T16:30:00Z")]  // Mon 17:00 + 30 → exactly at closing, stays at 17:30
    [InlineData("2026-03-02T16:00:00Z", 45, "2026-03-03T08:15:00Z")]  // Mon 17:00 + 45 → Tue 09:15
    [InlineData("2026-03-02T08:00:00Z", 1200, "2026-03-04T11:00:00Z")] // Mon 09:00 + 20 h → two 8.5 h days, Wed 12:00
    public void AddBusinessTime_OfficeHours_LandsInsideHours(string start, double minutes, string expected)
    {
        Assert.Equal(Utc(expected), _office.AddBusinessTime(Utc(start), Minutes(minutes)));
    }

    [Fact]
    public void AddBusinessTime_OverTheSpringForwardWeekend_MondayCountsInSummerTime()
    {
        // Fri 2026-03-27 17:00 CET: 30 min to closing, then Mon 2026-03-30 09:00 CEST + 30 min.
        var deadline = _office.AddBusinessTime(Utc("2026-03-27T16:00:00Z"), Minutes(60));

        Assert.Equal(Utc("2026-03-30T07:30:00Z"), deadline);
    }

    [Fact]
    public void AddBusinessTime_OverTheAutumnWeekend_MondayCountsInWinterTime()
    {
        // Fri 2026-10-23 17:00 CEST: 30 min to closing, then Mon 2026-10-26 09:00 CET + 30 min.
        var deadline = _office.AddBusinessTime(Utc("2026-10-23T15:00:00Z"), Minutes(60));

        Assert.Equal(Utc("2026-10-26T08:30:00Z"), deadline);
    }

    [Fact]
    public void AddBusinessTime_OverEasterHolidaysAndWeekend_SkipsAllFourDays()
    {
        // Thu 2026-04-02 17:00 CEST: 30 min, then Good Friday, the weekend and Easter Monday are closed.
        var deadline = _office.AddBusinessTime(Utc("2026-04-02T15:00:00Z"), Minutes(60));

        Assert.Equal(Utc("2026-04-07T07:30:00Z"), deadline);
    }

    [Fact]
    public void AddBusinessTime_OnPartialHoliday_ClosesAtNoon()
    {
        // Christmas Eve open 09:00-12:00 CET: from 11:30, 30 min that day, then Christmas Day and the weekend are closed.
        var deadline = _office.AddBusinessTime(Utc("2026-12-24T10:30:00Z"), Minutes(60));

        Assert.Equal(Utc("2026-12-28T08:30:00Z"), deadline);
    }

    [Fact]
    public void BusinessTimeBetween_OverWeekendAndHoliday_CountsOnlyOpenHours()
    {
        // Thu 2026-04-02 16:00 CEST to Tue 2026-04-07 10:00 CEST: 1.5 h + 1 h.
        var between = _office.BusinessTimeBetween(Utc("2026-04-02T14:00:00Z"), Utc("2026-04-07T08:00:00Z"));

        Assert.Equal(TimeSpan.FromHours(2.5), between);
    }

    [Fact]
    public void EveryDayCalendar_SpringForwardDay_Lasts23Hours_AndTheSkippedHourCountsNothing()
    {
        var allDay = EveryDay(Berlin, DailyPeriod.WholeDay);
        var night = EveryDay(Berlin, DailyPeriod.Between(1, 0, 4, 0));

        // 2026-03-29 00:00 CET (03-28 23:00Z) to 2026-03-30 00:00 CEST (03-29 22:00Z).
        Assert.Equal(TimeSpan.FromHours(23), allDay.BusinessTimeBetween(Utc("2026-03-28T23:00:00Z"), Utc("2026-03-29T22:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(2), night.BusinessTimeBetween(Utc("2026-03-28T23:00:00Z"), Utc("2026-03-29T22:00:00Z")));
        // 01:30 CET + 60 min: 30 min to 02:00, the clock jumps to 03:00 CEST, 30 min more → 03:30 CEST.
        Assert.Equal(Utc("2026-03-29T01:30:00Z"), night.AddBusinessTime(Utc("2026-03-29T00:30:00Z"), Minutes(60)));
    }

    [Fact]
    public void EveryDayCalendar_AutumnDay_Lasts25Hours_AndTheRepeatedHourCountsTwice()
    {
        var allDay = EveryDay(Berlin, DailyPeriod.WholeDay);
        var night = EveryDay(Berlin, DailyPeriod.Between(1, 0, 4, 0));

        // 2026-10-25 00:00 CEST (10-24 22:00Z) to 2026-10-26 00:00 CET (10-25 23:00Z).
        Assert.Equal(TimeSpan.FromHours(25), allDay.BusinessTimeBetween(Utc("2026-10-24T22:00:00Z"), Utc("2026-10-25T23:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(4), night.BusinessTimeBetween(Utc("2026-10-24T22:00:00Z"), Utc("2026-10-25T23:00:00Z")));
        // 02:30 CEST (first pass) + 60 min → 02:30 CET (second pass).
        Assert.Equal(Utc("2026-10-25T01:30:00Z"), night.AddBusinessTime(Utc("2026-10-25T00:30:00Z"), Minutes(60)));
    }

    [Fact]
    public void PeriodEndingInsideTheRepeatedHour_CountsOnlyWhileTheClockShowsItsHours()
    {
        // 00:00-02:30 on 2026-10-25: 00:00-02:30 CEST (2.5 h) and again 02:00-02:30 CET (0.5 h).
        var calendar = EveryDay(Berlin, DailyPeriod.Between(0, 0, 2, 30));

        Assert.Equal(TimeSpan.FromHours(3), calendar.BusinessTimeBetween(Utc("2026-10-24T22:00:00Z"), Utc("2026-10-25T23:00:00Z")));
        Assert.False(calendar.IsOpen(Utc("2026-10-25T00:45:00Z"))); // 02:45 CEST
        Assert.True(calendar.IsOpen(Utc("2026-10-25T01:15:00Z")));  // 02:15 CET
    }

    [Theory]
    [InlineData("2026-03-02T07:59:59Z", "2026-03-02T08:00:00Z")] // Mon 08:59:59 → 09:00
    [InlineData("2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z")] // open: now
    [InlineData("2026-03-27T16:30:00Z", "2026-03-30T07:00:00Z")] // Fri closing before spring forward → Mon 09:00 CEST
    [InlineData("2026-12-24T11:00:00Z", "2026-12-28T08:00:00Z")] // Christmas Eve after noon → Mon 09:00 CET
    public void NextOpening_FindsTheFirstOpenInstant(string from, string expected)
    {
        Assert.Equal(Utc(expected), _office.NextOpening(Utc(from)));
    }
}
