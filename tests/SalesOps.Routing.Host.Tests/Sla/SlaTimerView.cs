namespace SalesOps.Routing.Host.Tests.Sla;

/// <summary>An SLA timer as a client reads it from the API.</summary>
internal sealed record SlaTimerView(
    string Id,
    string LeadId,
    string Kind,
    int Cycle,
    string State,
    string? TeamId,
    string? RepId,
    string Policy,
    string RuleSetVersion,
    string Calendar,
    double TargetMinutes,
    DateTimeOffset StartedAt,
    DateTimeOffset WarnAt,
    DateTimeOffset DueAt,
    DateTimeOffset? PausedAt,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? StoppedAt,
    string? TouchedBy,
    bool DetectedLate,
    string? EscalatedTo,
    long BusinessSecondsUsed,
    long BusinessSecondsLeft);

/// <summary>The lead read back with its timers.</summary>
internal sealed record LeadWithTimers(string Id, string? RepId, string? Team, List<SlaTimerView> Timers);

/// <summary>One page of <c>GET /api/sla/timers</c>.</summary>
internal sealed record SlaTimerPageView(List<SlaTimerView> Items, int Page, int PageSize, long Total);

/// <summary>A row of the outbox, as an operator would query it.</summary>
internal sealed record OutboxRow(long Seq, string EventId, string EventType, string LeadId, string? TimerId, string Payload);
