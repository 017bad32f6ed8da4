using BenchmarkDotNet.Attributes;
using SalesOps.Routing.Engine.Sla;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// Starting a lead's first-touch clock on business hours, as the writer does for every assigned
/// lead: its warning and its deadline, 15 business minutes on, on a Berlin office calendar read in
/// the rep's own zone (a fresh copy per lead, as a timer's calendar key is looked up).
/// </summary>
[MemoryDiagnoser]
public class SlaClockBenchmarks
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private BusinessCalendar _office = null!;

    [GlobalSetup]
    public void Setup() => _office = new BusinessCalendar("dach-office", "Europe/Berlin",
        Weekdays.ToDictionary(d => d, IReadOnlyList<DailyPeriod> (_) => [DailyPeriod.Between(9, 0, 17, 30)]),
        [CalendarHoliday.WholeDay(new DateOnly(2026, 12, 25), "Christmas Day")]);

    [Benchmark(Description = "first-touch deadline and warning, in hours")]
    public (DateTimeOffset WarnAt, DateTimeOffset DueAt) InHours() => Deadlines(BenchmarkLead.EuropeanMorning);

    [Benchmark(Description = "first-touch deadline and warning, posted on a Friday evening")]
    public (DateTimeOffset WarnAt, DateTimeOffset DueAt) OverTheWeekend() => Deadlines(new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.Zero));

    private (DateTimeOffset WarnAt, DateTimeOffset DueAt) Deadlines(DateTimeOffset postedAt)
    {
        var calendar = _office.InZone("Europe/Vienna", "dach-office@Europe/Vienna");
        return (calendar.AddBusinessTime(postedAt, TimeSpan.FromMinutes(12)), calendar.AddBusinessTime(postedAt, TimeSpan.FromMinutes(15)));
    }
}
