namespace SalesOps.Routing.Host.Storage.Sqlite;

internal static class SqliteLeadSql
{
    private const string SelectRecord = """
        SELECT l.id, l.source, l.external_id AS ExternalId, l.received_at AS ReceivedAt,
               d.status, d.score, d.qualified, d.team_id AS TeamId, d.rep_id AS RepId, d.rep_name AS RepName,
               d.rule_set_version AS RuleSetVersion, d.trace
        FROM leads l JOIN decisions d ON d.lead_id = l.id
        """;

    public static LeadStatements Statements { get; } = new()
    {
        // SQLite takes the database write lock when the transaction begins (BEGIN IMMEDIATE), so a
        // plain read here is already serialized against every other writer.
        SelectRotationForUpdate = "SELECT team_id AS TeamId, last_rep_id AS LastRepId FROM rotation",
        UpsertRotation = """
            INSERT INTO rotation (team_id, last_rep_id, updated_at) VALUES (@TeamId, @LastRepId, @UpdatedAt)
            ON CONFLICT (team_id) DO UPDATE SET last_rep_id = excluded.last_rep_id, updated_at = excluded.updated_at
            """,
        FindIdByKey = "SELECT id FROM leads WHERE source = @Source AND external_id = @ExternalId",
        InsertLead = """
            INSERT INTO leads (id, source, external_id, received_at, email, status, team_id, rep_id, payload)
            VALUES (@Id, @Source, @ExternalId, @ReceivedAt, @Email, @Status, @TeamId, @RepId, @Payload)
            """,
        InsertDecision = """
            INSERT INTO decisions (lead_id, decided_at, rule_set_version, status, score, qualified, team_id, rep_id, rep_name, trace)
            VALUES (@LeadId, @DecidedAt, @RuleSetVersion, @Status, @Score, @Qualified, @TeamId, @RepId, @RepName, @Trace)
            """,
        InsertAssignment = """
            INSERT INTO assignments (lead_id, team_id, rep_id, assigned_at, reason)
            VALUES (@LeadId, @TeamId, @RepId, @AssignedAt, @Reason)
            """,
        SelectRecordById = SelectRecord + " WHERE l.id = @Id",
        SelectRecordByKey = SelectRecord + " WHERE l.source = @Source AND l.external_id = @ExternalId",
        Ping = "SELECT 1",
    };
}
