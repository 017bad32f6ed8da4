-- One row per SLA clock: a lead's (cycle, kind). A reassignment starts a new cycle; the old row stays
-- for reporting. Instants are UTC text, so they sort and compare in time order.
CREATE TABLE sla_timers (
    id                   TEXT    NOT NULL PRIMARY KEY,
    lead_id              TEXT    NOT NULL REFERENCES leads (id),
    cycle                INTEGER NOT NULL,
    kind                 TEXT    NOT NULL,
    state                TEXT    NOT NULL,
    team_id              TEXT    NULL,
    rep_id               TEXT    NULL,
    policy_name          TEXT    NOT NULL,
    rule_set_version     TEXT    NOT NULL,
    -- The policy's terms (targets, calendar, warning, breach actions) as they were when the clock
    -- started, so an edit of the policy file never changes a running clock.
    policy_terms         TEXT    NOT NULL,
    calendar             TEXT    NOT NULL,
    target_ms            INTEGER NOT NULL,
    warn_at_percent      INTEGER NOT NULL,
    started_at           TEXT    NOT NULL,
    warn_at              TEXT    NOT NULL,
    due_at               TEXT    NOT NULL,
    paused_at            TEXT    NULL,
    paused_business_ms   INTEGER NOT NULL DEFAULT 0,
    warned_at            TEXT    NULL,
    breached_at          TEXT    NULL,
    stopped_at           TEXT    NULL,
    business_ms_at_stop  INTEGER NULL,
    touched_by           TEXT    NULL,
    detected_late        INTEGER NOT NULL DEFAULT 0,
    escalated_to         TEXT    NULL,
    updated_at           TEXT    NOT NULL
);

CREATE UNIQUE INDEX ux_sla_timers_lead_cycle_kind ON sla_timers (lead_id, cycle, kind);
-- The sweep: what is due to breach, and what is due to warn, in time order.
CREATE INDEX ix_sla_timers_due ON sla_timers (due_at) WHERE state IN ('running', 'warning');
CREATE INDEX ix_sla_timers_warn ON sla_timers (warn_at) WHERE state = 'running';
CREATE INDEX ix_sla_timers_state_team ON sla_timers (state, team_id);
CREATE INDEX ix_sla_timers_started_at ON sla_timers (started_at);

-- Transactional outbox: every event is written in the transaction of the change that caused it and
-- delivered afterwards, at least once; receivers deduplicate by event_id. seq gives delivery order.
CREATE TABLE outbox_events (
    seq              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    event_id         TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    lead_id          TEXT    NOT NULL REFERENCES leads (id),
    timer_id         TEXT    NULL REFERENCES sla_timers (id),
    occurred_at      TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    dispatched_at    TEXT    NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NULL,
    last_error       TEXT    NULL
);

CREATE UNIQUE INDEX ux_outbox_events_event_id ON outbox_events (event_id);
CREATE INDEX ix_outbox_events_undelivered ON outbox_events (seq) WHERE dispatched_at IS NULL;
-- A clock warns, breaches, moves its lead and escalates at most once: the database says so too.
CREATE UNIQUE INDEX ux_outbox_events_timer_type ON outbox_events (timer_id, event_type) WHERE timer_id IS NOT NULL;
