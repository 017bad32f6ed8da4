-- The T-SQL twin of Sqlite/0008_assignments_assigned_at.sql.

-- The dashboard counts today's assignments per rep on every refresh; without this index that is a
-- scan of every assignment ever made, slower each day. Team and rep are included, so the count
-- never reads the table.
CREATE INDEX ix_assignments_assigned_at ON dbo.assignments (assigned_at) INCLUDE (team_id, rep_id);
