namespace SalesOps.Routing.Host.Storage.SqlServer;

internal static class SqlServerOpsSql
{
    public static OpsStatements Statements { get; } = new()
    {
        SelectOpenLeadsOfRep = """
            SELECT id AS Id, payload AS Payload, status AS Status, team_id AS TeamId
            FROM dbo.leads WHERE rep_id = @RepId AND status IN (N'assigned', N'working')
            ORDER BY received_at
            """,

        // The status change that follows must see the row as it is now, not as another host is changing it.
        SelectLeadForUpdate = """
            SELECT id AS Id, payload AS Payload, status AS Status, team_id AS TeamId, rep_id AS RepId
            FROM dbo.leads WITH (UPDLOCK, ROWLOCK) WHERE id = @Id
            """,
        UpdateLeadOwner = "UPDATE dbo.leads SET rep_id = @RepId, team_id = @TeamId, status = @Status WHERE id = @Id",
        EndOpenAssignments = "UPDATE dbo.assignments SET ended_at = @EndedAt WHERE lead_id = @LeadId AND ended_at IS NULL",
        UpdateLeadStatus = "UPDATE dbo.leads SET status = @Status, touched_at = COALESCE(touched_at, @TouchedAt) WHERE id = @Id",

        // Account imports do not take the rotation lock, so the upsert guards itself: the key-range
        // lock on a key that is not there yet makes a concurrent import of it wait, then update.
        UpsertAccount = """
            UPDATE dbo.accounts WITH (UPDLOCK, HOLDLOCK)
            SET name = @Name, owner_rep_id = @OwnerRepId, origin = @Origin, updated_at = @UpdatedAt
            WHERE match_key = @MatchKey;
            IF @@ROWCOUNT = 0
                INSERT INTO dbo.accounts (match_key, name, owner_rep_id, origin, updated_at)
                VALUES (@MatchKey, @Name, @OwnerRepId, @Origin, @UpdatedAt);
            """,
        SelectAccounts = "SELECT match_key AS MatchKey, name AS Name, owner_rep_id AS OwnerRepId, origin AS Origin FROM dbo.accounts ORDER BY name, match_key",
        SelectAssignmentsOfLead = """
            SELECT team_id AS TeamId, rep_id AS RepId, assigned_at AS AssignedAt, ended_at AS EndedAt, reason AS Reason, trace AS Trace
            FROM dbo.assignments WHERE lead_id = @LeadId ORDER BY id
            """,
    };
}
