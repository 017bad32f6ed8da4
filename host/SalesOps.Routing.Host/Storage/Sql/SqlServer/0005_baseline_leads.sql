-- The T-SQL twin of Sqlite/0005_baseline_leads.sql.
-- Written only by the load runner's naive baseline endpoint (LoadTest:Baselines=true): one row per request.
CREATE TABLE dbo.baseline_leads (
    id           nvarchar(36)      NOT NULL,
    received_at  datetimeoffset(7) NOT NULL,
    payload      nvarchar(max)     NOT NULL,
    CONSTRAINT pk_baseline_leads PRIMARY KEY (id)
);
