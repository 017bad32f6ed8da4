namespace SalesOps.Routing.LoadTests;

/// <summary>
/// The SLA verdict, from the database: each warning and breach recorded exactly once with exactly one
/// event, nothing overdue left unrecorded, and each breach's reassignment or escalation done once, as
/// its policy says. For a storm, also every seeded clock breached.
/// </summary>
internal sealed record SlaVerification(
    long Timers,
    long Breaches,
    long Reassigned,
    long Escalated,
    long DuplicateEvents,
    long RecordsWithoutEvent,
    long EventsWithoutRecord,
    long OverdueUnrecorded,
    long PolicyViolations,
    long Seeded,
    long SeededBreached,
    IReadOnlyList<string> Examples)
{
    public bool Passed => DuplicateEvents == 0 && RecordsWithoutEvent == 0 && EventsWithoutRecord == 0 && OverdueUnrecorded == 0
        && PolicyViolations == 0 && SeededBreached == Seeded;

    public override string ToString() => FormattableString.Invariant(
        $"{(Passed ? "passed" : "FAILED")}: {Timers} clocks, {Breaches} breaches ({Reassigned} reassigned, {Escalated} escalated), seeded {SeededBreached}/{Seeded} breached, {DuplicateEvents} duplicate events, {RecordsWithoutEvent} records without event, {EventsWithoutRecord} events without record, {OverdueUnrecorded} overdue unrecorded, {PolicyViolations} policy violations{(Examples.Count > 0 ? "; e.g. " + string.Join("; ", Examples) : "")}");
}
