namespace SalesOps.Routing.LoadTests;

/// <summary>Checks, on a snapshot of the database, that the sweep recorded every warning and breach once and acted on each as its policy says.</summary>
internal static class SlaVerifier
{
    private const int MaxExamples = 5;

    /// <param name="snapshot">The database after the host stopped.</param>
    /// <param name="seeded">Clocks that must all have breached (a storm's), or empty.</param>
    /// <param name="overdueBefore">A clock still counting with a deadline before this instant was missed by the sweep.</param>
    public static SlaVerification Verify(SlaDatabaseSnapshot snapshot, IReadOnlyCollection<string> seeded, DateTimeOffset overdueBefore)
    {
        var examples = new List<string>();
        void Example(string text)
        {
            if (examples.Count < MaxExamples)
                examples.Add(text);
        }

        var cycles = snapshot.Timers.Select(t => (t.LeadId, t.Cycle, t.Kind)).ToHashSet();
        long breaches = 0, reassigned = 0, escalated = 0, withoutEvent = 0, overdue = 0, violations = 0;
        var duplicates = snapshot.Events.Count(e => e.Value > 1);
        foreach (var (key, count) in snapshot.Events.Where(e => e.Value > 1))
            Example($"timer {key.TimerId} has {count} {key.Type} events");

        foreach (var timer in snapshot.Timers)
        {
            var breached = snapshot.EventCount(timer.Id, "sla.breached");
            var warned = snapshot.EventCount(timer.Id, "sla.warning");
            if ((timer.BreachedAt is not null && breached == 0) || (timer.WarnedAt is not null && warned == 0))
            {
                withoutEvent++;
                Example($"timer {timer.Id} was recorded without its event");
            }

            if (timer.State is "running" or "warning" && timer.DueAt < overdueBefore)
            {
                overdue++;
                Example($"timer {timer.Id} was due {timer.DueAt:O} and is still {timer.State}");
            }

            if (breached == 0)
                continue;
            breaches++;
            var moved = snapshot.EventCount(timer.Id, "sla.reassigned");
            var raised = snapshot.EventCount(timer.Id, "sla.escalated");
            reassigned += Math.Min(moved, 1);
            escalated += Math.Min(raised, 1);
            if (PolicyBreach(snapshot, cycles, timer, moved, raised) is { } violation)
            {
                violations++;
                Example($"timer {timer.Id} ({timer.Kind}, cycle {timer.Cycle}): {violation}");
            }
        }

        var eventsWithoutRecord = snapshot.Timers.Count(t =>
            (t.BreachedAt is null && snapshot.EventCount(t.Id, "sla.breached") > 0) || (t.WarnedAt is null && snapshot.EventCount(t.Id, "sla.warning") > 0));
        var seededSet = seeded.ToHashSet(StringComparer.Ordinal);
        var seededBreached = snapshot.Timers.Count(t => seededSet.Contains(t.Id) && t.BreachedAt is not null && snapshot.EventCount(t.Id, "sla.breached") == 1);
        return new SlaVerification(snapshot.Timers.Count, breaches, reassigned, escalated, duplicates, withoutEvent, eventsWithoutRecord, overdue, violations,
            seededSet.Count, seededBreached, examples);
    }

    // What the policy allows a breach of this cycle to do, against what was done.
    private static string? PolicyBreach(SlaDatabaseSnapshot snapshot, HashSet<(string, int, string)> cycles, SlaTimerFacts timer, int moved, int raised)
    {
        var nextCycle = cycles.Contains((timer.LeadId, timer.Cycle + 1, timer.Kind));
        if (moved > 0)
        {
            if (timer.Kind != "first-touch" || timer.Cycle - 1 >= timer.MaxReassignments)
                return "moved although its policy allows no further reassignment";
            if (timer.State != "reassigned" || !nextCycle)
                return $"moved, yet it is {timer.State} and {(nextCycle ? "has" : "has no")} next cycle";
            if (snapshot.OpenAssignments.GetValueOrDefault(timer.LeadId) != 1)
                return $"moved, and the lead has {snapshot.OpenAssignments.GetValueOrDefault(timer.LeadId)} open assignments";
            return raised > 0 ? "moved and escalated, though a move ends the breach actions" : null;
        }

        if (timer.State == "reassigned" || nextCycle)
            return "ended by a move that has no event";
        return timer.Escalates && raised == 0 ? "not moved and not escalated, though its policy escalates" : null;
    }
}
