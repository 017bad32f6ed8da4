namespace SalesOps.Routing.Host.Sla.Sqlite;

internal static class SqliteSlaSql
{
    private const string Columns = """
        id, lead_id AS LeadId, cycle, kind, state, team_id AS TeamId, rep_id AS RepId, policy_name AS PolicyName,
        rule_set_version AS RuleSetVersion, policy_terms AS PolicyTerms, calendar, target_ms AS TargetMs,
        warn_at_percent AS WarnAtPercent, started_at AS StartedAt, warn_at AS WarnAt, due_at AS DueAt, paused_at AS PausedAt,
        paused_business_ms AS PausedBusinessMs, warned_at AS WarnedAt, breached_at AS BreachedAt, stopped_at AS StoppedAt,
        business_ms_at_stop AS BusinessMsAtStop, touched_by AS TouchedBy, detected_late AS DetectedLate, escalated_to AS EscalatedTo
        """;

    private const string TeamFilter = "(@Team IS NULL OR team_id = @Team)";
    private const string AtRisk = $"(state = 'warning' OR (state = 'running' AND warn_at <= @Now)) AND due_at > @Now AND {TeamFilter}";
    private const string Breached = $"(state = 'breached' OR (state IN ('running', 'warning') AND due_at <= @Now)) AND {TeamFilter}";
    private const string ByState = $"state = @State AND {TeamFilter}";
    private const string Page = " LIMIT @Take OFFSET @Skip";

    // Both inserts name every column, so a column added to the table is added here once.
    private const string InsertTimerInto = """
        INSERT INTO sla_timers (id, lead_id, cycle, kind, state, team_id, rep_id, policy_name, rule_set_version, policy_terms,
            calendar, target_ms, warn_at_percent, started_at, warn_at, due_at, paused_at, paused_business_ms, warned_at,
            breached_at, stopped_at, business_ms_at_stop, touched_by, detected_late, escalated_to, updated_at)
        """;

    public static SlaStatements Statements { get; } = new()
    {
        InsertTimer = $"""
            {InsertTimerInto}
            VALUES (@Id, @LeadId, @Cycle, @Kind, @State, @TeamId, @RepId, @PolicyName, @RuleSetVersion, @PolicyTerms,
                @Calendar, @TargetMs, @WarnAtPercent, @StartedAt, @WarnAt, @DueAt, @PausedAt, @PausedBusinessMs, @WarnedAt,
                @BreachedAt, @StoppedAt, @BusinessMsAtStop, @TouchedBy, @DetectedLate, @EscalatedTo, @UpdatedAt)
            """,
        InsertStartedTimer = $"""
            {InsertTimerInto}
            VALUES (@Id, @LeadId, @Cycle, @Kind, @State, @TeamId, @RepId, @PolicyName, @RuleSetVersion, @PolicyTerms,
                @Calendar, @TargetMs, @WarnAtPercent, @StartedAt, @WarnAt, @DueAt, NULL, 0, NULL,
                NULL, NULL, NULL, NULL, 0, NULL, @StartedAt)
            """,
        // The claim: only the writer that still finds the state it read changes the row.
        UpdateTimerIfState = """
            UPDATE sla_timers SET state = @State, warn_at = @WarnAt, due_at = @DueAt, paused_at = @PausedAt,
                paused_business_ms = @PausedBusinessMs, warned_at = @WarnedAt, breached_at = @BreachedAt, stopped_at = @StoppedAt,
                business_ms_at_stop = @BusinessMsAtStop, touched_by = @TouchedBy, detected_late = @DetectedLate,
                escalated_to = @EscalatedTo, updated_at = @UpdatedAt
            WHERE id = @Id AND state = @ExpectedState
            """,
        SelectTimersByLead = $"SELECT {Columns} FROM sla_timers WHERE lead_id = @LeadId ORDER BY cycle, kind",
        LeadExists = "SELECT COUNT(*) FROM leads WHERE id = @Id",
        // The host never runs ANALYZE, and without statistics SQLite takes "state = ..." as the most
        // selective term and searches ix_sla_timers_state_team: every sweep then reads and sorts all
        // open timers. INDEXED BY holds each query to its due-time index (range search, in order, so
        // LIMIT stops early), and fails the statement outright if that index is ever dropped.
        SelectDueBreaches = $"SELECT {Columns} FROM sla_timers INDEXED BY ix_sla_timers_due WHERE state IN ('running', 'warning') AND due_at <= @Now ORDER BY due_at, id LIMIT @Take",
        SelectDueWarnings = $"SELECT {Columns} FROM sla_timers INDEXED BY ix_sla_timers_warn WHERE state = 'running' AND warn_at <= @Now AND due_at > @Now ORDER BY warn_at, id LIMIT @Take",
        // The earliest instant anything comes due: the first entry of each due-time index.
        SelectNextDue = """
            SELECT MIN(next) FROM (
                SELECT MIN(due_at) AS next FROM sla_timers INDEXED BY ix_sla_timers_due WHERE state IN ('running', 'warning')
                UNION ALL
                SELECT MIN(warn_at) FROM sla_timers INDEXED BY ix_sla_timers_warn WHERE state = 'running')
            """,
        InsertEvent = """
            INSERT INTO outbox_events (event_id, event_type, lead_id, timer_id, occurred_at, payload)
            VALUES (@EventId, @EventType, @LeadId, @TimerId, @OccurredAt, @Payload)
            """,
        SelectAtRisk = $"SELECT {Columns} FROM sla_timers WHERE {AtRisk} ORDER BY due_at, id{Page}",
        CountAtRisk = $"SELECT COUNT(*) FROM sla_timers WHERE {AtRisk}",
        SelectBreached = $"SELECT {Columns} FROM sla_timers WHERE {Breached} ORDER BY due_at DESC, id{Page}",
        CountBreached = $"SELECT COUNT(*) FROM sla_timers WHERE {Breached}",
        SelectByState = $"SELECT {Columns} FROM sla_timers WHERE {ByState} ORDER BY started_at DESC, id{Page}",
        CountByState = $"SELECT COUNT(*) FROM sla_timers WHERE {ByState}",
        SelectFirstTouchOutcomes = """
            SELECT team_id AS TeamId, rep_id AS RepId, state, breached_at AS BreachedAt, business_ms_at_stop AS BusinessMsAtStop
            FROM sla_timers
            WHERE kind = 'first-touch' AND started_at >= @From AND started_at < @To
            """,
    };
}
