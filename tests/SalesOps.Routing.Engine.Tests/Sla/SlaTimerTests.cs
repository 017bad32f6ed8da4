using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Engine.Sla;
using static SalesOps.Routing.Engine.Tests.Sla.TestCalendars;

namespace SalesOps.Routing.Engine.Tests.Sla;

public sealed class SlaTimerTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);
    private readonly BusinessCalendar _berlin = BerlinOffice();
    private readonly BusinessCalendar _newYork = NewYorkOffice();

    [Fact]
    public void Start_SetsDeadlineAndWarningOnTheCalendar()
    {
        // Mon 2026-03-02 17:00 CET, 60 min at 75 %: warning after 45 min (Tue 09:15), deadline Tue 09:30.
        var timer = Start(_berlin, Utc("2026-03-02T16:00:00Z"), 60);

        Assert.Equal(SlaTimerStates.Running, timer.State);
        Assert.Equal(Utc("2026-03-03T08:15:00Z"), timer.WarnAt);
        Assert.Equal(Utc("2026-03-03T08:30:00Z"), timer.DueAt);
    }

    [Fact]
    public void PauseOverTheSpringForwardWeekend_MovesTheDeadlineByThePausedBusinessTime()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-27T14:00:00Z")); // Fri 15:00 CET
        var timer = Start(_berlin, clock.GetUtcNow(), 240);
        Assert.Equal(Utc("2026-03-30T08:30:00Z"), timer.DueAt); // 2.5 h Friday + 1.5 h → Mon 10:30 CEST

        clock.Advance(TimeSpan.FromHours(1)); // Fri 16:00 CET
        var paused = timer.Pause(clock.GetUtcNow());
        clock.SetUtcNow(Utc("2026-03-30T08:00:00Z")); // Mon 10:00 CEST
        var resumed = paused.Resume(clock.GetUtcNow(), _berlin);

        // Paused 16:00-17:30 Friday and 09:00-10:00 Monday: 2.5 h of business time.
        Assert.Equal(TimeSpan.FromHours(2.5), resumed.PausedBusinessTime);
        Assert.Equal(Utc("2026-03-30T11:00:00Z"), resumed.DueAt); // Mon 13:00 CEST
        Assert.Equal(TimeSpan.FromHours(1), resumed.BusinessTimeUsed(clock.GetUtcNow(), _berlin));
        Assert.Equal(TimeSpan.FromHours(3), resumed.BusinessTimeLeft(clock.GetUtcNow(), _berlin));
        Assert.Equal(SlaTimerStates.Running, resumed.State);
    }

    [Fact]
    public void PauseOverTheAutumnWeekendInNewYork_MovesTheDeadlineByThePausedBusinessTime()
    {
        var clock = new FakeTimeProvider(Utc("2026-10-30T19:00:00Z")); // Fri 15:00 EDT
        var timer = Start(_newYork, clock.GetUtcNow(), 120);
        Assert.Equal(Utc("2026-10-30T21:00:00Z"), timer.DueAt); // Fri 17:00 EDT, exactly at closing

        clock.Advance(TimeSpan.FromMinutes(30));
        var paused = timer.Pause(clock.GetUtcNow());
        clock.SetUtcNow(Utc("2026-11-02T15:00:00Z")); // Mon 10:00 EST
        var resumed = paused.Resume(clock.GetUtcNow(), _newYork);

        // Paused 15:30-17:00 Friday and 09:00-10:00 Monday: 2.5 h; 90 min were left, so Mon 11:30 EST.
        Assert.Equal(TimeSpan.FromHours(2.5), resumed.PausedBusinessTime);
        Assert.Equal(Utc("2026-11-02T16:30:00Z"), resumed.DueAt);
    }

    [Fact]
    public void PauseAndResumeAtTheSameInstant_ChangesNothing()
    {
        var timer = Start(_newYork, Utc("2026-03-06T21:30:00Z"), 90);

        var again = timer.Pause(Utc("2026-03-06T21:45:00Z")).Resume(Utc("2026-03-06T21:45:00Z"), _newYork);

        Assert.Equal(timer.DueAt, again.DueAt);
        Assert.Equal(timer.WarnAt, again.WarnAt);
        Assert.Equal(TimeSpan.Zero, again.PausedBusinessTime);
    }

    [Fact]
    public void Touch_BeforeTheDeadline_IsMet_AfterIt_IsLate()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z")); // Mon 10:00 CET
        var timer = Start(_berlin, clock.GetUtcNow(), 15);

        clock.Advance(TimeSpan.FromMinutes(15));
        var met = timer.Touch(clock.GetUtcNow(), _berlin);
        clock.Advance(TimeSpan.FromSeconds(1));
        var late = timer.Touch(clock.GetUtcNow(), _berlin);

        Assert.Equal(SlaTimerStates.Met, met.State);
        Assert.Equal(TimeSpan.FromMinutes(15), met.BusinessTimeAtStop);
        Assert.Equal(SlaTimerStates.Late, late.State);
        Assert.Equal(TimeSpan.FromSeconds(15 * 60 + 1), late.BusinessTimeAtStop);
    }

    [Fact]
    public void Touch_AfterRecordedBreach_IsLateEvenWhenBackdated()
    {
        var timer = Start(_berlin, Utc("2026-03-02T09:00:00Z"), 15);
        var breached = timer.Breach(Utc("2026-03-02T09:15:01Z"), Tolerance);

        var touched = breached.Touch(Utc("2026-03-02T09:10:00Z"), _berlin);

        Assert.Equal(SlaTimerStates.Late, touched.State);
        Assert.False(breached.DetectedLate);
    }

    [Fact]
    public void Touch_WhilePaused_IsMet()
    {
        var timer = Start(_berlin, Utc("2026-03-02T09:00:00Z"), 15).Pause(Utc("2026-03-02T09:10:00Z"));

        var touched = timer.Touch(Utc("2026-03-02T12:00:00Z"), _berlin);

        Assert.Equal(SlaTimerStates.Met, touched.State);
        Assert.Equal(TimeSpan.FromMinutes(10), touched.BusinessTimeAtStop);
    }

    [Fact]
    public void WarnAndBreach_RecordedLongAfterDue_AreDetectedLate()
    {
        var timer = Start(_berlin, Utc("2026-03-02T09:00:00Z"), 60);

        var warned = timer.Warn(timer.WarnAt + TimeSpan.FromSeconds(1), Tolerance);
        var breached = warned.Breach(timer.DueAt + TimeSpan.FromHours(3), Tolerance);

        Assert.False(warned.DetectedLate);
        Assert.Equal(SlaTimerStates.Breached, breached.State);
        Assert.True(breached.DetectedLate);
    }

    [Fact]
    public void ResumeAfterWarning_ReturnsToWarning()
    {
        var timer = Start(_berlin, Utc("2026-03-02T09:00:00Z"), 60);
        var warned = timer.Warn(timer.WarnAt, Tolerance).Pause(timer.WarnAt + TimeSpan.FromMinutes(1));

        var resumed = warned.Resume(timer.WarnAt + TimeSpan.FromMinutes(30), _berlin);

        Assert.Equal(SlaTimerStates.Warning, resumed.State);
        Assert.Equal(timer.DueAt + TimeSpan.FromMinutes(29), resumed.DueAt);
    }

    [Fact]
    public void EndByReassignment_KeepsTheBreachForReporting()
    {
        var timer = Start(_berlin, Utc("2026-03-02T09:00:00Z"), 15).Breach(Utc("2026-03-02T09:15:00Z"), Tolerance);

        var ended = timer.EndByReassignment(Utc("2026-03-02T09:15:00Z"), _berlin);

        Assert.Equal(SlaTimerStates.Reassigned, ended.State);
        Assert.Equal(Utc("2026-03-02T09:15:00Z"), ended.BreachedAt);
        Assert.False(ended.IsOpen);
    }

    [Fact]
    public void ForbiddenChanges_Throw()
    {
        var timer = Start(_berlin, Utc("2026-03-02T09:00:00Z"), 15);

        Assert.Throws<SlaTimerException>(() => timer.Resume(Utc("2026-03-02T09:05:00Z"), _berlin));
        Assert.Throws<SlaTimerException>(() => timer.Pause(Utc("2026-03-02T09:15:00Z")));
        Assert.Throws<SlaTimerException>(() => timer.Breach(Utc("2026-03-02T09:14:59Z"), Tolerance));
        Assert.Throws<SlaTimerException>(() => timer.Touch(Utc("2026-03-02T08:59:00Z"), _berlin));
        Assert.Throws<SlaTimerException>(() => timer.Touch(Utc("2026-03-02T09:05:00Z"), _berlin).Touch(Utc("2026-03-02T09:06:00Z"), _berlin));
    }

    internal static SlaTimer Start(BusinessCalendar calendar, DateTimeOffset at, double minutes, int warnAtPercent = 75)
    {
        var terms = new SlaPolicyTerms(calendar.Name, null, warnAtPercent,
            [new SlaTarget(SlaTargetKinds.FirstTouch, Minutes(minutes))], []);
        var plan = new SlaTimerPlan(SlaTargetKinds.FirstTouch, 1, "test", "v1", terms, calendar.Name, "team", "rep");
        return SlaTimer.Start(plan, at, calendar);
    }
}
