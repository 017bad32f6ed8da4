using SalesOps.Routing.Engine.Sla;

namespace SalesOps.Routing.Host.Sla;

/// <summary>One SLA clock of a lead as the API shows it; business time in seconds, instants in UTC.</summary>
internal sealed record SlaTimerResponse(
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
    long BusinessSecondsLeft)
{
    public static SlaTimerResponse From(SlaTimerRow row, SlaRules rules, DateTimeOffset now)
    {
        var timer = row.ToTimer();
        var calendar = rules.CalendarOrAlwaysOpen(row.Calendar);
        return new SlaTimerResponse(row.Id, row.LeadId, row.Kind, row.Cycle, row.State, row.TeamId, row.RepId, row.PolicyName,
            row.RuleSetVersion, row.Calendar, timer.Target.TotalMinutes, row.StartedAt, row.WarnAt, row.DueAt, row.PausedAt,
            row.WarnedAt, row.BreachedAt, row.StoppedAt, row.TouchedBy, row.DetectedLate, row.EscalatedTo,
            (long)timer.BusinessTimeUsed(now, calendar).TotalSeconds, (long)timer.BusinessTimeLeft(now, calendar).TotalSeconds);
    }
}
