namespace SalesOps.Routing.Host.Sla;

/// <summary>The result of a touch, pause or resume: the lead's timers after it, or why nothing changed.</summary>
internal sealed record SlaCommandOutcome(SlaCommandStatus Status, IReadOnlyList<SlaTimerResponse> Timers, string? Problem = null)
{
    public static SlaCommandOutcome NotFound { get; } = new(SlaCommandStatus.LeadNotFound, []);

    public static SlaCommandOutcome Conflict(string problem) => new(SlaCommandStatus.Conflict, [], problem);
}

internal enum SlaCommandStatus
{
    Done,
    LeadNotFound,
    Conflict,
}
