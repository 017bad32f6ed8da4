-- Leads as received, with their current status and owner.
CREATE TABLE leads (
    id            TEXT    NOT NULL PRIMARY KEY,
    source        TEXT    NOT NULL,
    external_id   TEXT    NOT NULL,
    received_at   TEXT    NOT NULL,
    email         TEXT    NULL,
    status        TEXT    NOT NULL,
    team_id       TEXT    NULL,
    rep_id        TEXT    NULL,
    payload       TEXT    NOT NULL
);

-- Idempotency: one lead per posting system and external id, however the posts race.
CREATE UNIQUE INDEX ux_leads_source_external_id ON leads (source, external_id);
CREATE INDEX ix_leads_received_at ON leads (received_at);
CREATE INDEX ix_leads_email ON leads (email) WHERE email IS NOT NULL;

-- The routing decision as it was made, never rewritten.
CREATE TABLE decisions (
    lead_id           TEXT    NOT NULL PRIMARY KEY REFERENCES leads (id),
    decided_at        TEXT    NOT NULL,
    rule_set_version  TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    score             INTEGER NOT NULL,
    qualified         INTEGER NOT NULL,
    team_id           TEXT    NULL,
    rep_id            TEXT    NULL,
    rep_name          TEXT    NULL,
    trace             TEXT    NOT NULL
);

-- Who owned a lead, and since when; a reassignment ends one row and starts another.
CREATE TABLE assignments (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    lead_id      TEXT    NOT NULL REFERENCES leads (id),
    team_id      TEXT    NOT NULL,
    rep_id       TEXT    NOT NULL,
    assigned_at  TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    ended_at     TEXT    NULL
);

CREATE INDEX ix_assignments_lead_id ON assignments (lead_id);
CREATE INDEX ix_assignments_open_by_rep ON assignments (rep_id) WHERE ended_at IS NULL;

-- Round-robin position per team: the rep who got the team's last lead.
CREATE TABLE rotation (
    team_id      TEXT NOT NULL PRIMARY KEY,
    last_rep_id  TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
