using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Sla;

/// <summary>
/// The lead writer stores a new lead's first-touch clock with a statement that writes the columns
/// of a clock just started as literals; the stored row must read as the clock the engine started.
/// </summary>
public sealed class StartedClockRowTests() : SweptHostTests(nameof(StartedClockRowTests))
{
    [Fact]
    public async Task PostedLead_FirstTouchClockRow_HasNothingPausedWarnedBreachedStoppedOrTouched_AndWasUpdatedWhenItStarted()
    {
        var leadId = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());

        var row = Assert.Single(await Host.QueryAsync<StoredClock>("""
            SELECT state, started_at AS StartedAt, paused_at AS PausedAt, paused_business_ms AS PausedBusinessMs, warned_at AS WarnedAt,
                breached_at AS BreachedAt, stopped_at AS StoppedAt, business_ms_at_stop AS BusinessMsAtStop, touched_by AS TouchedBy,
                detected_late AS DetectedLate, escalated_to AS EscalatedTo, updated_at AS UpdatedAt
            FROM sla_timers WHERE lead_id = @leadId
            """, new { leadId }));

        Assert.Equal("running", row.State);
        Assert.Equal(row.StartedAt, row.UpdatedAt);
        Assert.Equal((null, 0L, null, null, null, null, null, 0L, null),
            (row.PausedAt, row.PausedBusinessMs, row.WarnedAt, row.BreachedAt, row.StoppedAt, row.BusinessMsAtStop, row.TouchedBy, row.DetectedLate, row.EscalatedTo));
        // And the API reads it back as the engine started it: 15 business minutes from the post.
        var timer = Assert.Single(await Client.TimersAsync(leadId));
        Assert.Equal(("first-touch", "running", Clock.GetUtcNow().AddMinutes(15)), (timer.Kind, timer.State, timer.DueAt));
    }

    private sealed class StoredClock
    {
        public string State { get; init; } = "";
        public string StartedAt { get; init; } = "";
        public string? PausedAt { get; init; }
        public long PausedBusinessMs { get; init; }
        public string? WarnedAt { get; init; }
        public string? BreachedAt { get; init; }
        public string? StoppedAt { get; init; }
        public long? BusinessMsAtStop { get; init; }
        public string? TouchedBy { get; init; }
        public long DetectedLate { get; init; }
        public string? EscalatedTo { get; init; }
        public string UpdatedAt { get; init; } = "";
    }
}
