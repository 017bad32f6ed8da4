namespace SalesOps.Routing.Host.Sla.SqlServer;

internal static class SqlServerSlaSql
{
    // Fragments, not statements: static readonly rather than const, so only whole statements are
    // offered to the T-SQL checks.
    private static readonly string Columns = """
        id, lead_id AS LeadId, cycle, kind, state, team_id AS TeamId, rep_id AS RepId, policy_name AS PolicyName,
        rule_set_version AS RuleSetVersion, policy_terms AS PolicyTerms, calendar, target_ms AS TargetMs,
        warn_at_percent AS WarnAtPercent, started_at AS StartedAt, warn_at AS WarnAt, due_at AS DueAt, paused_at AS PausedAt,
        paused_business_ms AS PausedBusinessMs, warned_at AS WarnedAt, breached_at AS BreachedAt, stopped_at AS StoppedAt,
        business_ms_at_stop AS BusinessMsAtStop, touched_by AS TouchedBy, detected_late AS DetectedLate, escalated_to AS EscalatedTo
        """;

    private static readonly string TeamFilter = "(@Team IS NULL OR team_id = @Team)";
    private static readonly string AtRisk = $"(state = N'warning' OR (state = N'running' AND warn_at <= @Now)) AND due_at > @Now AND {TeamFilter}";
    private static readonly string Breached = $"(state = N'breached' OR (state IN (N'running', N'warning') AND due_at <= @Now)) AND {TeamFilter}";
    private static readonly string ByState = $"state = @State AND {TeamFilter}";
    private static readonly string Page = " OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    // Both inserts name every column, so a column added to the table is added here once.
    private static readonly string InsertTimerInto = """
        INSERT INTO dbo.sla_timers (id, lead_id, cycle, kind, state, team_id, rep_id, policy_name, rule_set_version, policy_terms,
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
            UPDATE dbo.sla_timers SET state = @State, warn_at = @WarnAt, due_at = @DueAt, paused_at = @PausedAt,
                paused_business_ms = @PausedBusinessMs, warned_at = @WarnedAt, breached_at = @BreachedAt, stopped_at = @StoppedAt,
                business_ms_at_stop = @BusinessMsAtStop, touched_by = @TouchedBy, detected_late = @DetectedLate,
                escalated_to = @EscalatedTo, updated_at = @UpdatedAt
            WHERE id = @Id AND state = @ExpectedState
            """,
        SelectTimersByLead = $"SELECT {Columns} FROM dbo.sla_timers WHERE lead_id = @LeadId ORDER BY cycle, kind",
        LeadExists = "SELECT COUNT_BIG(*) FROM dbo.leads WHERE id = @Id",

        // Two hosts sweep at once: each locks the rows it takes and skips rows the other holds
        // (READPAST), so they share the due rows instead of queueing; the conditional update above
        // still decides who records each one.
        SelectDueBreaches = $"""
            SELECT TOP (@Take) {Columns} FROM dbo.sla_timers WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE state IN (N'running', N'warning') AND due_at <= @Now ORDER BY due_at, id
            """,
        SelectDueWarnings = $"""
            SELECT TOP (@Take) {Columns} FROM dbo.sla_timers WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE state = N'running' AND warn_at <= @Now AND due_at > @Now ORDER BY warn_at, id
            """,
        // The earliest instant anything comes due, read without locks: the first entry of each filtered index.
        SelectNextDue = """
            SELECT MIN(next_at) FROM (
                SELECT MIN(due_at) AS next_at FROM dbo.sla_timers WHERE state IN (N'running', N'warning')
                UNION ALL
                SELECT MIN(warn_at) AS next_at FROM dbo.sla_timers WHERE state = N'running') AS upcoming
            """,
        InsertEvent = """
            INSERT INTO dbo.outbox_events (event_id, event_type, lead_id, timer_id, occurred_at, payload)
            VALUES (@EventId, @EventType, @LeadId, @TimerId, @OccurredAt, @Payload)
            """,
        SelectAtRisk = $"SELECT {Columns} FROM dbo.sla_timers WHERE {AtRisk} ORDER BY due_at, id{Page}",
        CountAtRisk = $"SELECT COUNT_BIG(*) FROM dbo.sla_timers WHERE {AtRisk}",
        SelectBreached = $"SELECT {Columns} FROM dbo.sla_timers WHERE {Breached} ORDER BY due_at DESC, id{Page}",
        CountBreached = $"SELECT COUNT_BIG(*) FROM dbo.sla_timers WHERE {Breached}",
        SelectByState = $"SELECT {Columns} FROM dbo.sla_timers WHERE {ByState} ORDER BY started_at DESC, id{Page}",
        CountByState = $"SELECT COUNT_BIG(*) FROM dbo.sla_timers WHERE {ByState}",
        SelectFirstTouchOutcomes = """
            SELECT team_id AS TeamId, rep_id AS RepId, state, breached_at AS BreachedAt, business_ms_at_stop AS BusinessMsAtStop
            FROM dbo.sla_timers
            WHERE kind = N'first-touch' AND started_at >= @From AND started_at < @To
            """,
    };
}
