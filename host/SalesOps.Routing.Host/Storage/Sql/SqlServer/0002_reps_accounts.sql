-- The T-SQL twin of Sqlite/0002_reps_accounts.sql.

-- What ops change about reps while leads flow (null = as configured in teams.json), and the
-- counters capacity and fairness depend on. Written in the same transaction as the decisions.
CREATE TABLE dbo.rep_state (
    rep_id             nvarchar(200)     NOT NULL,
    active             bit               NULL,
    ooo_from           datetimeoffset(7) NULL,
    ooo_to             datetimeoffset(7) NULL,
    max_open_leads     int               NULL,
    max_leads_per_day  int               NULL,
    weight             int               NULL,
    open_leads         int               NOT NULL CONSTRAINT df_rep_state_open_leads DEFAULT 0,
    assigned_today     int               NOT NULL CONSTRAINT df_rep_state_assigned_today DEFAULT 0,
    assigned_day       date              NULL,
    credit             bigint            NOT NULL CONSTRAINT df_rep_state_credit DEFAULT 0,
    updated_at         datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_rep_state PRIMARY KEY (rep_id)
);

-- Known accounts and their owners, from rules/accounts.csv and PUT /api/accounts.
-- match_key is "domain:<domain>" (at most 253 characters) or "company:<normalized name>" (200).
CREATE TABLE dbo.accounts (
    match_key     nvarchar(300)     NOT NULL,
    name          nvarchar(300)     NOT NULL,
    owner_rep_id  nvarchar(200)     NOT NULL,
    origin        nvarchar(32)      NOT NULL,
    updated_at    datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (match_key)
);

-- A reassignment is explained like a first decision.
ALTER TABLE dbo.assignments ADD trace nvarchar(max) NULL;

-- When the lead was first touched (status working, converted or disqualified).
ALTER TABLE dbo.leads ADD touched_at datetimeoffset(7) NULL;

CREATE INDEX ix_leads_rep_status ON dbo.leads (rep_id, status) WHERE rep_id IS NOT NULL;
