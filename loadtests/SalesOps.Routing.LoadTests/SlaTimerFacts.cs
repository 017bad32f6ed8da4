namespace SalesOps.Routing.LoadTests;

/// <summary>One stored SLA clock, as verification needs it, with what its policy terms say a breach may do.</summary>
internal sealed record SlaTimerFacts(
    string Id,
    string LeadId,
    int Cycle,
    string Kind,
    string State,
    DateTimeOffset WarnAt,
    DateTimeOffset DueAt,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? BreachedAt,
    int MaxReassignments,
    bool Escalates);
