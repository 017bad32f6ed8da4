-- What ops change about reps while leads flow (null = as configured in teams.json), and the
-- counters capacity and fairness depend on. Written in the same transaction as the decisions.
CREATE TABLE rep_state (
    rep_id             TEXT    NOT NULL PRIMARY KEY,
    active             INTEGER NULL,
    ooo_from           TEXT    NULL,
    ooo_to             TEXT    NULL,
    max_open_leads     INTEGER NULL,
    max_leads_per_day  INTEGER NULL,
    weight             INTEGER NULL,
    open_leads         INTEGER NOT NULL DEFAULT 0,
    assigned_today     INTEGER NOT NULL DEFAULT 0,
    assigned_day       TEXT    NULL,
    credit             INTEGER NOT NULL DEFAULT 0,
    updated_at         TEXT    NOT NULL
);

-- Known accounts and their owners, from rules/accounts.csv and PUT /api/accounts.
-- match_key is "domain:<domain>" or "company:<normalized name>".
CREATE TABLE accounts (
    match_key     TEXT NOT NULL PRIMARY KEY,
    name          TEXT NOT NULL,
    owner_rep_id  TEXT NOT NULL,
    origin        TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- A reassignment is explained like a first decision.
ALTER TABLE assignments ADD COLUMN trace TEXT NULL;

-- When the lead was first touched (status working, converted or disqualified).
ALTER TABLE leads ADD COLUMN touched_at TEXT NULL;

CREATE INDEX ix_leads_rep_status ON leads (rep_id, status) WHERE rep_id IS NOT NULL;
