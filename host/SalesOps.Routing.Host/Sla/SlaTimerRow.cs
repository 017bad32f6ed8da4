using System.Runtime.CompilerServices;
using System.Text.Json;
using SalesOps.Routing.Engine.Sla;

namespace SalesOps.Routing.Host.Sla;

/// <summary>An <c>sla_timers</c> row: the engine's timer plus what only the store knows (ids, terms, who touched, escalation).</summary>
internal sealed class SlaTimerRow
{
    private static readonly JsonSerializerOptions TermsJson = new(JsonSerializerDefaults.Web);

    // Terms belong to an immutable rule-set snapshot and every lead under a policy shares them, so
    // each is serialized once rather than once per timer on the writer's path.
    private static readonly ConditionalWeakTable<SlaPolicyTerms, string> SerializedTerms = [];

    public string Id { get; init; } = "";
    public string LeadId { get; init; } = "";
    public int Cycle { get; init; }
    public string Kind { get; init; } = "";
    public string State { get; init; } = "";
    public string? TeamId { get; init; }
    public string? RepId { get; init; }
    public string PolicyName { get; init; } = "";
    public string RuleSetVersion { get; init; } = "";
    public string PolicyTerms { get; init; } = "";
    public string Calendar { get; init; } = "";
    public long TargetMs { get; init; }
    public int WarnAtPercent { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset WarnAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? PausedAt { get; init; }
    public long PausedBusinessMs { get; init; }
    public DateTimeOffset? WarnedAt { get; init; }
    public DateTimeOffset? BreachedAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public long? BusinessMsAtStop { get; init; }
    public string? TouchedBy { get; init; }
    public bool DetectedLate { get; init; }
    public string? EscalatedTo { get; init; }

    public SlaPolicyTerms ReadTerms() => JsonSerializer.Deserialize<SlaPolicyTerms>(PolicyTerms, TermsJson)
        ?? throw new InvalidOperationException($"Timer {Id} has no policy terms.");

    public SlaTimer ToTimer() => new()
    {
        Kind = Kind,
        Cycle = Cycle,
        PolicyName = PolicyName,
        RuleSetVersion = RuleSetVersion,
        CalendarKey = Calendar,
        Target = TimeSpan.FromMilliseconds(TargetMs),
        WarnAtPercent = WarnAtPercent,
        TeamId = TeamId,
        RepId = RepId,
        StartedAt = StartedAt,
        WarnAt = WarnAt,
        DueAt = DueAt,
        State = State,
        PausedAt = PausedAt,
        PausedBusinessTime = TimeSpan.FromMilliseconds(PausedBusinessMs),
        WarnedAt = WarnedAt,
        BreachedAt = BreachedAt,
        StoppedAt = StoppedAt,
        BusinessTimeAtStop = BusinessMsAtStop is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        DetectedLate = DetectedLate,
    };

    /// <summary>The row for <paramref name="timer"/>, keeping this row's ids and terms unless told otherwise.</summary>
    public SlaTimerRow With(SlaTimer timer, string? touchedBy = null, string? escalatedTo = null) =>
        From(Id, LeadId, timer, PolicyTerms, touchedBy ?? TouchedBy, escalatedTo ?? EscalatedTo);

    public static SlaTimerRow New(string id, string leadId, SlaTimer timer, SlaPolicyTerms terms) =>
        From(id, leadId, timer, SerializedTerms.GetValue(terms, t => JsonSerializer.Serialize(t, TermsJson)), null, null);

    private static SlaTimerRow From(string id, string leadId, SlaTimer timer, string terms, string? touchedBy, string? escalatedTo) => new()
    {
        Id = id,
        LeadId = leadId,
        Cycle = timer.Cycle,
        Kind = timer.Kind,
        State = timer.State,
        TeamId = timer.TeamId,
        RepId = timer.RepId,
        PolicyName = timer.PolicyName,
        RuleSetVersion = timer.RuleSetVersion,
        PolicyTerms = terms,
        Calendar = timer.CalendarKey,
        TargetMs = (long)timer.Target.TotalMilliseconds,
        WarnAtPercent = timer.WarnAtPercent,
        StartedAt = timer.StartedAt,
        WarnAt = timer.WarnAt,
        DueAt = timer.DueAt,
        PausedAt = timer.PausedAt,
        PausedBusinessMs = (long)timer.PausedBusinessTime.TotalMilliseconds,
        WarnedAt = timer.WarnedAt,
        BreachedAt = timer.BreachedAt,
        StoppedAt = timer.StoppedAt,
        BusinessMsAtStop = timer.BusinessTimeAtStop is { } atStop ? (long)atStop.TotalMilliseconds : null,
        TouchedBy = touchedBy,
        DetectedLate = timer.DetectedLate,
        EscalatedTo = escalatedTo,
    };
}
