-- The dashboard counts today's assignments per rep on every refresh; without this index that is a
-- scan of every assignment ever made, slower each day. Team and rep are in the index, so the count
-- never reads the table.
CREATE INDEX ix_assignments_assigned_at ON assignments (assigned_at, team_id, rep_id);
