-- The T-SQL twin of Sqlite/0001_init.sql. Text columns are nvarchar because Dapper sends strings
-- as nvarchar: a varchar column would be converted on every lookup and lose its index seeks.
-- source and external_id compare byte for byte (BIN2), as SQLite does, so "HubSpot" and
-- "hubspot" stay two keys whatever the server's default collation is.

-- Leads as received, with their current status and owner. Ids are version 7 GUIDs, whose text
-- sorts by time, so the clustered key grows at its end.
CREATE TABLE dbo.leads (
    id            nvarchar(36)   NOT NULL,
    source        nvarchar(200)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    external_id   nvarchar(200)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    received_at   datetimeoffset(7) NOT NULL,
    email         nvarchar(320)  NULL,
    status        nvarchar(32)   NOT NULL,
    team_id       nvarchar(200)  NULL,
    rep_id        nvarchar(200)  NULL,
    payload       nvarchar(max)  NOT NULL,
    CONSTRAINT pk_leads PRIMARY KEY (id),
    -- Idempotency: one lead per posting system and external id, however the posts race.
    CONSTRAINT ux_leads_source_external_id UNIQUE (source, external_id)
);

CREATE INDEX ix_leads_received_at ON dbo.leads (received_at);
-- 320 characters is the longest address that can exist; longer junk stays in the payload only.
CREATE INDEX ix_leads_email ON dbo.leads (email) WHERE email IS NOT NULL;

-- The routing decision as it was made, never rewritten.
CREATE TABLE dbo.decisions (
    lead_id           nvarchar(36)   NOT NULL,
    decided_at        datetimeoffset(7) NOT NULL,
    rule_set_version  nvarchar(64)   NOT NULL,
    status            nvarchar(32)   NOT NULL,
    score             int            NOT NULL,
    qualified         bit            NOT NULL,
    team_id           nvarchar(200)  NULL,
    rep_id            nvarchar(200)  NULL,
    rep_name          nvarchar(400)  NULL,
    trace             nvarchar(max)  NOT NULL,
    CONSTRAINT pk_decisions PRIMARY KEY (lead_id),
    CONSTRAINT fk_decisions_leads FOREIGN KEY (lead_id) REFERENCES dbo.leads (id)
);

-- Who owned a lead, and since when; a reassignment ends one row and starts another.
CREATE TABLE dbo.assignments (
    id           bigint IDENTITY(1, 1) NOT NULL,
    lead_id      nvarchar(36)   NOT NULL,
    team_id      nvarchar(200)  NOT NULL,
    rep_id       nvarchar(200)  NOT NULL,
    assigned_at  datetimeoffset(7) NOT NULL,
    reason       nvarchar(400)  NOT NULL,
    ended_at     datetimeoffset(7) NULL,
    CONSTRAINT pk_assignments PRIMARY KEY (id),
    CONSTRAINT fk_assignments_leads FOREIGN KEY (lead_id) REFERENCES dbo.leads (id)
);

CREATE INDEX ix_assignments_lead_id ON dbo.assignments (lead_id);
CREATE INDEX ix_assignments_open_by_rep ON dbo.assignments (rep_id) WHERE ended_at IS NULL;

-- Round-robin position per team: the rep who got the team's last lead.
CREATE TABLE dbo.rotation (
    team_id      nvarchar(200)  NOT NULL,
    last_rep_id  nvarchar(200)  NOT NULL,
    updated_at   datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_rotation PRIMARY KEY (team_id)
);
