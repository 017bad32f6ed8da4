using CsCheck;
using SalesOps.Routing.Engine.Sla;
using static SalesOps.Routing.Engine.Tests.Sla.TestCalendars;

namespace SalesOps.Routing.Engine.Tests.Sla;

/// <summary>
/// Properties of business time on random calendars (zones with whole- and half-hour DST, random
/// weekly hours and holidays), random starts biased towards the 2026 DST changes, and random targets.
/// </summary>
public sealed class CalendarProperties
{
    private const int Iterations = 400;

    private static readonly string[] Zones =
        [Berlin, NewYork, "Europe/London", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "America/Santiago", "UTC"];

    private static readonly DateTimeOffset[] Transitions =
    [
        Utc("2026-03-08T07:00:00Z"), Utc("2026-03-29T01:00:00Z"), Utc("2026-10-25T01:00:00Z"), Utc("2026-11-01T06:00:00Z"),
        Utc("2026-04-04T15:00:00Z"), Utc("2026-10-03T15:30:00Z"), Utc("2026-04-05T03:00:00Z"),
    ];

    private static readonly Gen<IReadOnlyList<DailyPeriod>> Day =
        Gen.Int[0, 1440].Array[0, 5].Select(IReadOnlyList<DailyPeriod> (minutes) =>
        {
            var sorted = minutes.Distinct().Order().ToArray();
            return [.. Enumerable.Range(0, sorted.Length / 2).Select(i => new DailyPeriod(TimeSpan.FromMinutes(sorted[2 * i]), TimeSpan.FromMinutes(sorted[2 * i + 1])))];
        });

    private static readonly Gen<CalendarHoliday> Holiday =
        Gen.Select(Gen.Int[0, 364], Gen.Bool, Day, (offset, closed, hours) =>
            new CalendarHoliday(new DateOnly(2026, 1, 1).AddDays(offset), closed ? [] : hours));

    private static readonly Gen<CalendarSpec> Calendar =
        Gen.Select(Gen.OneOf(Zones), Day.Array[7], Holiday.Array[0, 8], (zone, week, holidays) =>
            new CalendarSpec(zone, week, [.. holidays.DistinctBy(h => h.Date)]));

    private static readonly Gen<DateTimeOffset> Start = Gen.OneOf(
        Gen.Long[Utc("2026-01-01T00:00:00Z").ToUnixTimeSeconds(), Utc("2026-12-31T00:00:00Z").ToUnixTimeSeconds()].Select(DateTimeOffset.FromUnixTimeSeconds),
        Gen.Select(Gen.OneOf(Transitions), Gen.Int[-3 * 86400, 3 * 86400], (t, seconds) => t.AddSeconds(seconds)));

    private static readonly Gen<TimeSpan> Target = Gen.Int[0, 20_000 * 60].Select(seconds => TimeSpan.FromSeconds(seconds));

    [Fact]
    public void BusinessTimeFromStartToDeadline_EqualsTheTarget()
    {
        Gen.Select(Calendar, Start, Target).Sample((spec, start, target) =>
            spec.Build() is var calendar && calendar.BusinessTimeBetween(start, calendar.AddBusinessTime(start, target)) == target, iter: Iterations);
    }

    [Fact]
    public void Deadline_IsNeverOutsideHours()
    {
        Gen.Select(Calendar, Start, Target.Where(t => t > TimeSpan.Zero)).Sample((spec, start, target) =>
        {
            var calendar = spec.Build();
            var deadline = calendar.AddBusinessTime(start, target);
            return calendar.BusinessTimeBetween(deadline.AddSeconds(-1), deadline) > TimeSpan.Zero;
        }, iter: Iterations);
    }

    [Fact]
    public void Deadline_IsMonotoneInTheTarget()
    {
        Gen.Select(Calendar, Start, Target, Target).Sample((spec, start, a, b) =>
        {
            var calendar = spec.Build();
            var (shorter, longer) = a <= b ? (a, b) : (b, a);
            return calendar.AddBusinessTime(start, shorter) <= calendar.AddBusinessTime(start, longer);
        }, iter: Iterations);
    }

    [Fact]
    public void ZeroLengthPause_IsANoOp()
    {
        Gen.Select(Calendar, Start, Target.Where(t => t >= TimeSpan.FromMinutes(1)), Gen.Double[0, 0.999]).Sample((spec, start, target, share) =>
        {
            var calendar = spec.Build();
            var timer = SlaTimerTests.Start(calendar, start, target.TotalMinutes);
            var at = timer.StartedAt + (timer.DueAt - timer.StartedAt) * share;
            var again = timer.Pause(at).Resume(at, calendar);
            return again.DueAt == timer.DueAt && again.WarnAt == timer.WarnAt && again.PausedBusinessTime == TimeSpan.Zero;
        }, iter: Iterations);
    }

    [Fact]
    public void Pause_MovesTheDeadlineByExactlyThePausedBusinessTime()
    {
        Gen.Select(Calendar, Start, Target.Where(t => t >= TimeSpan.FromMinutes(1)), Gen.Double[0, 0.999], Gen.Int[0, 7 * 86400]).Sample((spec, start, target, share, pauseSeconds) =>
        {
            var calendar = spec.Build();
            var timer = SlaTimerTests.Start(calendar, start, target.TotalMinutes);
            var pausedAt = timer.StartedAt + (timer.DueAt - timer.StartedAt) * share;
            var resumed = timer.Pause(pausedAt).Resume(pausedAt.AddSeconds(pauseSeconds), calendar);
            return calendar.BusinessTimeBetween(timer.DueAt, resumed.DueAt) == resumed.PausedBusinessTime
                && resumed.PausedBusinessTime == calendar.BusinessTimeBetween(pausedAt, pausedAt.AddSeconds(pauseSeconds));
        }, iter: Iterations);
    }

    /// <summary>The inputs of a random calendar, kept so that a failing case prints them.</summary>
    private sealed record CalendarSpec(string Zone, IReadOnlyList<DailyPeriod>[] Week, CalendarHoliday[] Holidays)
    {
        public BusinessCalendar Build()
        {
            var weekly = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => Week[(int)d]);
            if (weekly.Values.All(p => p.Count == 0))
                weekly[DayOfWeek.Monday] = [DailyPeriod.Between(9, 0, 17, 0)];
            return new BusinessCalendar("random", Zone, weekly, Holidays);
        }

        public override string ToString() =>
            $"{Zone}: {string.Join("; ", Week.Select((p, d) => $"{(DayOfWeek)d} {string.Join(",", p)}"))}; holidays {string.Join("; ", Holidays.Select(h => $"{h.Date:yyyy-MM-dd} {string.Join(",", h.OpenPeriods)}"))}";
    }
}
