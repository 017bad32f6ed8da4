-- The T-SQL twin of Sqlite/0004_sla_timers.sql.

-- One row per SLA clock: a lead's (cycle, kind). A reassignment starts a new cycle; the old row stays
-- for reporting.
CREATE TABLE dbo.sla_timers (
    id                   nvarchar(36)      NOT NULL,
    lead_id              nvarchar(36)      NOT NULL,
    cycle                int               NOT NULL,
    kind                 nvarchar(32)      NOT NULL,
    state                nvarchar(32)      NOT NULL,
    team_id              nvarchar(200)     NULL,
    rep_id               nvarchar(200)     NULL,
    policy_name          nvarchar(200)     NOT NULL,
    rule_set_version     nvarchar(64)      NOT NULL,
    -- The policy's terms (targets, calendar, warning, breach actions) as they were when the clock
    -- started, so an edit of the policy file never changes a running clock.
    policy_terms         nvarchar(max)     NOT NULL,
    calendar             nvarchar(400)     NOT NULL,
    target_ms            bigint            NOT NULL,
    warn_at_percent      int               NOT NULL,
    started_at           datetimeoffset(7) NOT NULL,
    warn_at              datetimeoffset(7) NOT NULL,
    due_at               datetimeoffset(7) NOT NULL,
    paused_at            datetimeoffset(7) NULL,
    paused_business_ms   bigint            NOT NULL CONSTRAINT df_sla_timers_paused_business_ms DEFAULT 0,
    warned_at            datetimeoffset(7) NULL,
    breached_at          datetimeoffset(7) NULL,
    stopped_at           datetimeoffset(7) NULL,
    business_ms_at_stop  bigint            NULL,
    touched_by           nvarchar(200)     NULL,
    detected_late        bit               NOT NULL CONSTRAINT df_sla_timers_detected_late DEFAULT 0,
    escalated_to         nvarchar(400)     NULL,
    updated_at           datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_sla_timers PRIMARY KEY (id),
    CONSTRAINT fk_sla_timers_leads FOREIGN KEY (lead_id) REFERENCES dbo.leads (id),
    CONSTRAINT ux_sla_timers_lead_cycle_kind UNIQUE (lead_id, cycle, kind)
);

-- The sweep: what is due to breach, and what is due to warn, in time order.
CREATE INDEX ix_sla_timers_due ON dbo.sla_timers (due_at) WHERE state IN (N'running', N'warning');
CREATE INDEX ix_sla_timers_warn ON dbo.sla_timers (warn_at) WHERE state = N'running';
CREATE INDEX ix_sla_timers_state_team ON dbo.sla_timers (state, team_id);
CREATE INDEX ix_sla_timers_started_at ON dbo.sla_timers (started_at);

-- Transactional outbox: every event is written in the transaction of the change that caused it and
-- delivered afterwards, at least once; receivers deduplicate by event_id. seq gives delivery order.
CREATE TABLE dbo.outbox_events (
    seq              bigint IDENTITY(1, 1) NOT NULL,
    event_id         nvarchar(36)      NOT NULL,
    event_type       nvarchar(64)      NOT NULL,
    lead_id          nvarchar(36)      NOT NULL,
    timer_id         nvarchar(36)      NULL,
    occurred_at      datetimeoffset(7) NOT NULL,
    payload          nvarchar(max)     NOT NULL,
    dispatched_at    datetimeoffset(7) NULL,
    attempts         int               NOT NULL CONSTRAINT df_outbox_events_attempts DEFAULT 0,
    next_attempt_at  datetimeoffset(7) NULL,
    last_error       nvarchar(max)     NULL,
    CONSTRAINT pk_outbox_events PRIMARY KEY (seq),
    CONSTRAINT ux_outbox_events_event_id UNIQUE (event_id),
    CONSTRAINT fk_outbox_events_leads FOREIGN KEY (lead_id) REFERENCES dbo.leads (id),
    CONSTRAINT fk_outbox_events_sla_timers FOREIGN KEY (timer_id) REFERENCES dbo.sla_timers (id)
);

CREATE INDEX ix_outbox_events_undelivered ON dbo.outbox_events (seq) WHERE dispatched_at IS NULL;
-- A clock warns, breaches, moves its lead and escalates at most once: the database says so too.
CREATE UNIQUE INDEX ux_outbox_events_timer_type ON dbo.outbox_events (timer_id, event_type) WHERE timer_id IS NOT NULL;
