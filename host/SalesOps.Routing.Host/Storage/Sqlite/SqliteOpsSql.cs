namespace SalesOps.Routing.Host.Storage.Sqlite;

internal static class SqliteOpsSql
{
    public static OpsStatements Statements { get; } = new()
    {
        SelectOpenLeadsOfRep = """
            SELECT id AS Id, payload AS Payload, status AS Status, team_id AS TeamId
            FROM leads WHERE rep_id = @RepId AND status IN ('assigned', 'working')
            ORDER BY received_at
            """,
        SelectLeadForUpdate = "SELECT id AS Id, payload AS Payload, status AS Status, team_id AS TeamId, rep_id AS RepId FROM leads WHERE id = @Id",
        UpdateLeadOwner = "UPDATE leads SET rep_id = @RepId, team_id = @TeamId, status = @Status WHERE id = @Id",
        EndOpenAssignments = "UPDATE assignments SET ended_at = @EndedAt WHERE lead_id = @LeadId AND ended_at IS NULL",
        UpdateLeadStatus = "UPDATE leads SET status = @Status, touched_at = COALESCE(touched_at, @TouchedAt) WHERE id = @Id",
        UpsertAccount = """
            INSERT INTO accounts (match_key, name, owner_rep_id, origin, updated_at)
            VALUES (@MatchKey, @Name, @OwnerRepId, @Origin, @UpdatedAt)
            ON CONFLICT (match_key) DO UPDATE SET
                name = excluded.name, owner_rep_id = excluded.owner_rep_id, origin = excluded.origin, updated_at = excluded.updated_at
            """,
        SelectAccounts = "SELECT match_key AS MatchKey, name AS Name, owner_rep_id AS OwnerRepId, origin AS Origin FROM accounts ORDER BY name, match_key",
        SelectAssignmentsOfLead = """
            SELECT team_id AS TeamId, rep_id AS RepId, assigned_at AS AssignedAt, ended_at AS EndedAt, reason AS Reason, trace AS Trace
            FROM assignments WHERE lead_id = @LeadId ORDER BY id
            """,
    };
}
