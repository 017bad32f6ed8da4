using SalesOps.Routing.Engine.Sla;
using static SalesOps.Routing.Engine.Tests.Sla.TestCalendars;

namespace SalesOps.Routing.Engine.Tests.Sla;

/// <summary>
/// A calendar and its copies read in other zones share the days they have worked out: whichever asks
/// first, each must answer as a calendar of its own would.
/// </summary>
public sealed class CalendarCopiesTests
{
    private static readonly DateTimeOffset[] Starts =
    [
        Utc("2026-11-27T07:30:00Z"), Utc("2026-11-27T16:20:00Z"), Utc("2026-11-27T22:00:00Z"),
        Utc("2026-03-27T16:00:00Z"), Utc("2026-10-23T16:00:00Z"), Utc("2026-12-24T10:45:00Z"),
    ];

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    [InlineData("Europe/Berlin")]
    public void CopiesInOtherZones_AnswerAsCalendarsOfTheirOwn_WhicheverAsksFirst(string zone)
    {
        var shared = BerlinOffice();
        var copy = shared.InZone(zone);
        var ownCopy = BerlinOffice().InZone(zone);
        var ownOriginal = BerlinOffice();

        foreach (var start in Starts)
        {
            foreach (var minutes in new[] { 15.0, 12.0, 600.0, 3000.0 })
            {
                // The copy first, then the original on the same dates, then the copy again.
                Assert.Equal(ownCopy.AddBusinessTime(start, Minutes(minutes)), copy.AddBusinessTime(start, Minutes(minutes)));
                Assert.Equal(BerlinOffice().AddBusinessTime(start, Minutes(minutes)), shared.AddBusinessTime(start, Minutes(minutes)));
                Assert.Equal(ownOriginal.BusinessTimeBetween(start, start.AddDays(3)), shared.BusinessTimeBetween(start, start.AddDays(3)));
                Assert.Equal(ownCopy.BusinessTimeBetween(start, start.AddDays(3)), copy.BusinessTimeBetween(start, start.AddDays(3)));
            }
        }
    }

    [Fact]
    public void ACopyInAnotherZone_MovesTheDeadline_ByTheZonesDifference()
    {
        var berlin = BerlinOffice();
        var newYork = berlin.InZone("America/New_York");

        // A Tuesday 13:00 UTC: 14:00 in Berlin (open), 08:00 in New York (opens at 09:00 there, 14:00 UTC).
        Assert.Equal(Utc("2026-11-24T13:15:00Z"), berlin.AddBusinessTime(Utc("2026-11-24T13:00:00Z"), Minutes(15)));
        Assert.Equal(Utc("2026-11-24T14:15:00Z"), newYork.AddBusinessTime(Utc("2026-11-24T13:00:00Z"), Minutes(15)));
    }
}
