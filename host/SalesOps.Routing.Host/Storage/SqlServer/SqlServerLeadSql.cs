namespace SalesOps.Routing.Host.Storage.SqlServer;

internal static class SqlServerLeadSql
{
    private const string SelectRecord = """
        SELECT l.id, l.source, l.external_id AS ExternalId, l.received_at AS ReceivedAt,
               d.status, d.score, d.qualified, d.team_id AS TeamId, d.rep_id AS RepId, d.rep_name AS RepName,
               d.rule_set_version AS RuleSetVersion, d.trace
        FROM dbo.leads AS l
        JOIN dbo.decisions AS d ON d.lead_id = l.id
        """;

    public static LeadStatements Statements { get; } = new()
    {
        // Several hosts may write at once. UPDLOCK makes this read queue behind any other writer's
        // (instead of two shared locks that deadlock on upgrade), and HOLDLOCK keeps the range locked,
        // including rows not there yet, until commit: no two transactions can take the same turn.
        SelectRotationForUpdate = "SELECT team_id AS TeamId, last_rep_id AS LastRepId FROM dbo.rotation WITH (UPDLOCK, HOLDLOCK)",

        // For views and dry runs, which change nothing: no lock that would queue them with the writers.
        SelectRotation = "SELECT team_id AS TeamId, last_rep_id AS LastRepId FROM dbo.rotation",

        // Update first and insert only when no row matched; the range lock taken above (and again
        // here, for a caller that did not take it) means no other writer can insert in between.
        // MERGE is avoided for its long record of concurrency defects.
        UpsertRotation = """
            UPDATE dbo.rotation WITH (UPDLOCK, HOLDLOCK)
            SET last_rep_id = @LastRepId, updated_at = @UpdatedAt
            WHERE team_id = @TeamId;
            IF @@ROWCOUNT = 0
                INSERT INTO dbo.rotation (team_id, last_rep_id, updated_at) VALUES (@TeamId, @LastRepId, @UpdatedAt);
            """,

        // The key-range lock on the unique index is held until commit even when no row matches, so a
        // racing host that looks up the same key waits here and then finds this transaction's lead.
        // FORCESEEK: a scan under HOLDLOCK would lock key ranges across the whole table until commit and
        // hold up every other host's writer. The keys compare byte for byte, as the columns are declared.
        FindIdsByKeys = """
            SELECT l.source AS Source, l.external_id AS ExternalId, l.id AS Id
            FROM OPENJSON(@Keys) WITH (source nvarchar(200) '$[0]', external_id nvarchar(200) '$[1]') AS k
            JOIN dbo.leads AS l WITH (UPDLOCK, HOLDLOCK, FORCESEEK)
              ON l.source = k.source COLLATE Latin1_General_100_BIN2 AND l.external_id = k.external_id COLLATE Latin1_General_100_BIN2
            """,

        // No real address is longer than 320 characters; longer junk stays in the payload only, as
        // the indexed column cannot hold it.
        InsertLead = """
            INSERT INTO dbo.leads (id, source, external_id, received_at, email, status, team_id, rep_id, payload)
            VALUES (@Id, @Source, @ExternalId, @ReceivedAt, IIF(LEN(@Email) <= 320, @Email, NULL), @Status, @TeamId, @RepId, @Payload)
            """,
        InsertDecision = """
            INSERT INTO dbo.decisions (lead_id, decided_at, rule_set_version, status, score, qualified, team_id, rep_id, rep_name, trace)
            VALUES (@LeadId, @DecidedAt, @RuleSetVersion, @Status, @Score, @Qualified, @TeamId, @RepId, @RepName, @Trace)
            """,
        InsertAssignment = """
            INSERT INTO dbo.assignments (lead_id, team_id, rep_id, assigned_at, reason, trace)
            VALUES (@LeadId, @TeamId, @RepId, @AssignedAt, @Reason, @Trace)
            """,

        // Read after the rotation in every writing transaction, so the same lock order holds
        // everywhere and the two never deadlock; held until commit like the rotation.
        SelectRepStates = """
            SELECT rep_id AS RepId, active AS Active, ooo_from AS OutOfOfficeFrom, ooo_to AS OutOfOfficeTo,
                   max_open_leads AS MaxOpenLeads, max_leads_per_day AS MaxLeadsPerDay, weight AS Weight,
                   open_leads AS OpenLeads, assigned_today AS AssignedToday,
                   CONVERT(char(10), assigned_day, 23) AS AssignedDay, credit AS Credit
            FROM dbo.rep_state WITH (UPDLOCK, HOLDLOCK)
            """,
        UpsertRepState = """
            UPDATE dbo.rep_state WITH (UPDLOCK, HOLDLOCK)
            SET active = @Active, ooo_from = @OutOfOfficeFrom, ooo_to = @OutOfOfficeTo,
                max_open_leads = @MaxOpenLeads, max_leads_per_day = @MaxLeadsPerDay, weight = @Weight,
                open_leads = @OpenLeads, assigned_today = @AssignedToday, assigned_day = @AssignedDay,
                credit = @Credit, updated_at = @UpdatedAt
            WHERE rep_id = @RepId;
            IF @@ROWCOUNT = 0
                INSERT INTO dbo.rep_state (rep_id, active, ooo_from, ooo_to, max_open_leads, max_leads_per_day, weight,
                                           open_leads, assigned_today, assigned_day, credit, updated_at)
                VALUES (@RepId, @Active, @OutOfOfficeFrom, @OutOfOfficeTo, @MaxOpenLeads, @MaxLeadsPerDay, @Weight,
                        @OpenLeads, @AssignedToday, @AssignedDay, @Credit, @UpdatedAt);
            """,
        FindAccounts = """
            SELECT match_key AS MatchKey, name AS Name, owner_rep_id AS OwnerRepId
            FROM dbo.accounts WHERE match_key IN (SELECT k FROM OPENJSON(@Keys) WITH (k nvarchar(300) '$') AS keys)
            """,
        FindOpenLeadsByEmails = """
            SELECT email AS Email, id AS LeadId, rep_id AS OwnerRepId, received_at AS ReceivedAt
            FROM dbo.leads
            WHERE email IN (SELECT k FROM OPENJSON(@Emails) WITH (k nvarchar(320) '$') AS keys)
              AND status IN (N'assigned', N'working') AND rep_id IS NOT NULL AND received_at >= @Since
            """,
        SelectRecordById = SelectRecord + " WHERE l.id = @Id",
        SelectRecordByKey = SelectRecord + " WHERE l.source = @Source AND l.external_id = @ExternalId",
        Ping = "SELECT 1",
    };
}
