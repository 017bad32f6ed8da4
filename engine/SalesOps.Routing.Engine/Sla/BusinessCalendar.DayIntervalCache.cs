using System.Collections.Concurrent;
using NodaTime;

namespace SalesOps.Routing.Engine.Sla;

public sealed partial class BusinessCalendar
{
    /// <summary>
    /// The open stretches of real time of each day already worked out, per zone, shared by a calendar
    /// and its copies read in other zones (<see cref="InZone"/>). Working a day out walks the zone's
    /// offsets around it and allocates; every clock started that day asks for the same few dates, on
    /// a fresh copy of the calendar in the rep's zone. The days are pure functions of the calendar's
    /// hours, so a cached one is always right; the cache is emptied when it grows past a bound, since
    /// a long-running host meets new dates every day.
    /// </summary>
    private sealed class DayIntervalCache
    {
        private const int MaxDays = 4096;

        private readonly ConcurrentDictionary<(string Zone, LocalDate Date), (Instant Open, Instant Close)[]> _days = new();

        public (Instant Open, Instant Close)[] On(BusinessCalendar calendar, LocalDate date)
        {
            var key = (calendar._zone.Id, date);
            if (_days.TryGetValue(key, out var known))
                return known;
            if (_days.Count >= MaxDays)
                _days.Clear();
            return _days.GetOrAdd(key, static (k, c) => c.IntervalsOn(k.Date), calendar);
        }
    }
}
