namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// One SLA clock on a lead: a (cycle, kind) pair with its deadline. Immutable; every state change
/// returns a new timer, so the host can compare the state it read with the one it writes.
/// </summary>
public sealed partial record SlaTimer
{
    /// <summary>One of <see cref="SlaTargetKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>1 for the first owner; one more after each reassignment.</summary>
    public required int Cycle { get; init; }
    /// <summary>The policy the clock runs under.</summary>
    public required string PolicyName { get; init; }
    /// <summary>The rule-set version the policy was read from.</summary>
    public required string RuleSetVersion { get; init; }
    /// <summary>The calendar business time is counted on.</summary>
    public required string CalendarKey { get; init; }
    /// <summary>Business time allowed.</summary>
    public required TimeSpan Target { get; init; }
    /// <summary>Share of the target after which the clock warns.</summary>
    public required int WarnAtPercent { get; init; }
    /// <summary>Owning team.</summary>
    public string? TeamId { get; init; }
    /// <summary>Owning rep.</summary>
    public string? RepId { get; init; }
    /// <summary>When the clock started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When the warning threshold is reached, given the pauses so far.</summary>
    public required DateTimeOffset WarnAt { get; init; }
    /// <summary>The deadline, given the pauses so far.</summary>
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>One of <see cref="SlaTimerStates"/>.</summary>
    public string State { get; init; } = SlaTimerStates.Running;
    /// <summary>When the current pause began; null unless paused.</summary>
    public DateTimeOffset? PausedAt { get; init; }
    /// <summary>Business time spent in finished pauses; it does not count against the target.</summary>
    public TimeSpan PausedBusinessTime { get; init; }
    /// <summary>When the warning was recorded.</summary>
    public DateTimeOffset? WarnedAt { get; init; }
    /// <summary>When the breach was recorded.</summary>
    public DateTimeOffset? BreachedAt { get; init; }
    /// <summary>When the clock stopped: the touch, or the reassignment.</summary>
    public DateTimeOffset? StoppedAt { get; init; }
    /// <summary>Business time used when the clock stopped, pauses excluded.</summary>
    public TimeSpan? BusinessTimeAtStop { get; init; }
    /// <summary>True when the warning or breach was recorded later than it was due by more than the tolerance (e.g. the service was down).</summary>
    public bool DetectedLate { get; init; }

    /// <summary>Business time after which the clock warns.</summary>
    public TimeSpan WarnThreshold => TimeSpan.FromTicks(Target.Ticks * WarnAtPercent / 100);

    /// <summary>True while the timer waits for a touch.</summary>
    public bool IsOpen => SlaTimerStates.Open.Contains(State);

    /// <summary>Starts a clock at <paramref name="startedAt"/>; the deadline and warning come from the calendar.</summary>
    public static SlaTimer Start(SlaTimerPlan plan, DateTimeOffset startedAt, BusinessCalendar calendar)
    {
        var target = plan.Target;
        var timer = new SlaTimer
        {
            Kind = plan.Kind,
            Cycle = plan.Cycle,
            PolicyName = plan.PolicyName,
            RuleSetVersion = plan.RuleSetVersion,
            CalendarKey = plan.CalendarKey,
            Target = target,
            WarnAtPercent = plan.Terms.WarnAtPercent,
            TeamId = plan.TeamId,
            RepId = plan.RepId,
            StartedAt = startedAt.ToUniversalTime(),
            WarnAt = startedAt,
            DueAt = startedAt,
        };
        return timer.Rescheduled(calendar);
    }

    /// <summary>Business time counted so far (up to the stop, if stopped), pauses excluded.</summary>
    public TimeSpan BusinessTimeUsed(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (BusinessTimeAtStop is { } atStop)
            return atStop;
        var used = calendar.BusinessTimeBetween(StartedAt, now) - PausedBusinessTime;
        if (PausedAt is { } pausedAt)
            used -= calendar.BusinessTimeBetween(pausedAt, now);
        return used < TimeSpan.Zero ? TimeSpan.Zero : used;
    }

    /// <summary>Business time left before the deadline; zero once it has passed.</summary>
    public TimeSpan BusinessTimeLeft(DateTimeOffset now, BusinessCalendar calendar)
    {
        var left = Target - BusinessTimeUsed(now, calendar);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    /// <summary>Deadline and warning from the start, the target and the business time already paused.</summary>
    private SlaTimer Rescheduled(BusinessCalendar calendar) => this with
    {
        DueAt = calendar.AddBusinessTime(StartedAt, Target + PausedBusinessTime),
        WarnAt = calendar.AddBusinessTime(StartedAt, WarnThreshold + PausedBusinessTime),
    };
}
