-- The T-SQL twin of Sqlite/0009_drop_assignments_open_by_rep.sql.

-- No query reads a rep's open assignments: a rep's open leads are found through ix_leads_rep_status,
-- and an assignment is ended through ix_assignments_lead_id. An index no query reads is only written:
-- by every new lead and every reassignment.
DROP INDEX ix_assignments_open_by_rep ON dbo.assignments;
