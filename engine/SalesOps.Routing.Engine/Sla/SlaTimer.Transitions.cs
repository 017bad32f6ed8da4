namespace SalesOps.Routing.Engine.Sla;

public sealed partial record SlaTimer
{
    /// <summary>Stops the clock from counting; allowed while it runs and its deadline has not passed.</summary>
    public SlaTimer Pause(DateTimeOffset at)
    {
        Require(SlaTimerStates.Counting.Contains(State), "pause", "it is not running");
        Require(at >= StartedAt, "pause", "the pause would begin before the clock started");
        Require(at < DueAt, "pause", "its deadline has already passed");
        return this with { State = SlaTimerStates.Paused, PausedAt = at };
    }

    /// <summary>Counts again; the deadline moves by exactly the business time spent paused.</summary>
    public SlaTimer Resume(DateTimeOffset at, BusinessCalendar calendar)
    {
        Require(State == SlaTimerStates.Paused && PausedAt is not null, "resume", "it is not paused");
        Require(at >= PausedAt!.Value, "resume", "the resume would come before the pause");
        return (this with
        {
            State = WarnedAt is null ? SlaTimerStates.Running : SlaTimerStates.Warning,
            PausedAt = null,
            PausedBusinessTime = PausedBusinessTime + calendar.BusinessTimeBetween(PausedAt.Value, at),
        }).Rescheduled(calendar);
    }

    /// <summary>
    /// Stops the clock on a touch at <paramref name="at"/>: met when the touch came by the deadline (or
    /// during a pause) and no breach had been recorded; late otherwise.
    /// </summary>
    public SlaTimer Touch(DateTimeOffset at, BusinessCalendar calendar)
    {
        Require(IsOpen, "stop", $"it is already {State}");
        Require(at >= StartedAt, "stop", "the touch came before the clock started");
        var duringPause = PausedAt is { } pausedAt && at >= pausedAt;
        var inTime = BreachedAt is null && (duringPause || at <= DueAt);
        return this with
        {
            State = inTime ? SlaTimerStates.Met : SlaTimerStates.Late,
            StoppedAt = at,
            BusinessTimeAtStop = BusinessTimeUsed(at, calendar),
        };
    }

    /// <summary>Records the warning; detected late when recorded more than <paramref name="tolerance"/> after it was due.</summary>
    public SlaTimer Warn(DateTimeOffset at, TimeSpan tolerance)
    {
        Require(State == SlaTimerStates.Running, "warn", $"it is {State}");
        Require(at >= WarnAt, "warn", "the warning threshold is not reached yet");
        return this with { State = SlaTimerStates.Warning, WarnedAt = at, DetectedLate = DetectedLate || at - WarnAt > tolerance };
    }

    /// <summary>Records the breach; detected late when recorded more than <paramref name="tolerance"/> after the deadline.</summary>
    public SlaTimer Breach(DateTimeOffset at, TimeSpan tolerance)
    {
        Require(SlaTimerStates.Counting.Contains(State), "breach", $"it is {State}");
        Require(at >= DueAt, "breach", "its deadline has not passed");
        return this with { State = SlaTimerStates.Breached, BreachedAt = at, DetectedLate = at - DueAt > tolerance };
    }

    /// <summary>Ends this cycle because the lead went to another rep; its history stays for reporting.</summary>
    public SlaTimer EndByReassignment(DateTimeOffset at, BusinessCalendar calendar)
    {
        Require(IsOpen, "end", $"it is already {State}");
        return this with
        {
            State = SlaTimerStates.Reassigned,
            StoppedAt = at,
            BusinessTimeAtStop = BusinessTimeUsed(at, calendar),
            PausedAt = null,
        };
    }

    private void Require(bool condition, string change, string reason)
    {
        if (!condition)
            throw new SlaTimerException($"Cannot {change} the {Kind} clock (cycle {Cycle}): {reason}.");
    }
}
