using NodaTime;

namespace SalesOps.Routing.Engine.Sla;

public sealed partial class BusinessCalendar
{
    // No zone is ever further than 18 hours from UTC.
    private static readonly Duration MaxOffset = Duration.FromHours(18);

    /// <summary>
    /// The open stretches of real time from <paramref name="from"/> on, in time order, the first one
    /// clipped to start at <paramref name="from"/>. Stretches may touch (one closing as the next opens,
    /// e.g. at midnight); they never overlap.
    /// </summary>
    private IEnumerable<(Instant Open, Instant Close)> OpenIntervalsFrom(Instant from)
    {
        if (IsAlwaysOpen)
        {
            yield return (from, Instant.MaxValue);
            yield break;
        }

        // Start a day early, and hold each day's stretches back until no later day can come before
        // them: where clocks fall back across midnight (Chile, Paraguay) the local date runs backwards.
        var date = from.InZone(_zone).Date.PlusDays(-1);
        var pending = new List<(Instant Open, Instant Close)>();
        for (var closedDays = 0; closedDays <= MaxClosedDays; date = date.PlusDays(1))
        {
            var day = _days.On(this, date);
            closedDays = day.Length == 0 ? closedDays + 1 : 0;
            pending.AddRange(day);
            pending.Sort((a, b) => a.Open.CompareTo(b.Open));

            // Sorted, so the stretches no later day can come before are a prefix.
            var earliestLater = date.PlusDays(1).AtMidnight().InUtc().ToInstant() - MaxOffset;
            var ready = 0;
            while (ready < pending.Count && pending[ready].Open < earliestLater)
                ready++;
            for (var i = 0; i < ready; i++)
            {
                if (pending[i].Close > from)
                    yield return (Later(pending[i].Open, from), pending[i].Close);
            }

            pending.RemoveRange(0, ready);
        }

        foreach (var (open, close) in pending)
        {
            if (close > from)
                yield return (Later(open, from), close);
        }
    }

    /// <summary>
    /// The real-time intervals during which the local clock shows a time inside the day's periods.
    /// Each period is mapped through every UTC offset in force around the date and clipped to where
    /// that offset applies: a period over a skipped hour loses it, one over a repeated hour gets it twice.
    /// </summary>
    private (Instant Open, Instant Close)[] IntervalsOn(LocalDate date)
    {
        var periods = _holidays.TryGetValue(date, out var holiday) ? holiday : _weekly.GetValueOrDefault(date.DayOfWeek, []);
        if (periods.Length == 0)
            return [];
        var pieces = new List<(Instant, Instant)>(periods.Length * 2);

        var midnight = date.AtMidnight();
        var zoneIntervals = _zone.GetZoneIntervals(
            midnight.InUtc().ToInstant() - MaxOffset,
            date.PlusDays(1).AtMidnight().InUtc().ToInstant() + MaxOffset);
        foreach (var zoneInterval in zoneIntervals)
        {
            foreach (var period in periods)
            {
                var open = Later(midnight.PlusTicks(period.From.Ticks).WithOffset(zoneInterval.WallOffset).ToInstant(), zoneInterval.HasStart ? zoneInterval.Start : Instant.MinValue);
                var close = Earlier(midnight.PlusTicks(period.To.Ticks).WithOffset(zoneInterval.WallOffset).ToInstant(), zoneInterval.HasEnd ? zoneInterval.End : Instant.MaxValue);
                if (open < close)
                    pieces.Add((open, close));
            }
        }

        return [.. pieces];
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private static Instant Earlier(Instant a, Instant b) => a < b ? a : b;
}
