-- The T-SQL twin of Sqlite/0006_sla_breached_at.sql.

-- The dashboard lists the clocks that breached today, reassigned or touched since included, newest
-- first; without this index that is a scan of every clock ever started.
CREATE INDEX ix_sla_timers_breached_at ON dbo.sla_timers (breached_at) WHERE breached_at IS NOT NULL;
