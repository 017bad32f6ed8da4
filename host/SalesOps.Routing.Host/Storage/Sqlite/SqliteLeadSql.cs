namespace SalesOps.Routing.Host.Storage.Sqlite;

internal static class SqliteLeadSql
{
    private const string SelectRecord = """
        SELECT l.id, l.source, l.external_id AS ExternalId, l.received_at AS ReceivedAt,
               d.status, d.score, d.qualified, d.team_id AS TeamId, d.rep_id AS RepId, d.rep_name AS RepName,
               d.rule_set_version AS RuleSetVersion, d.trace
        FROM leads l JOIN decisions d ON d.lead_id = l.id
        """;

    private const string SelectRotation = "SELECT team_id AS TeamId, last_rep_id AS LastRepId FROM rotation";

    public static LeadStatements Statements { get; } = new()
    {
        // SQLite takes the database write lock when the transaction begins (BEGIN IMMEDIATE), so a
        // plain read here is already serialized against every other writer; the lock, or none, is
        // the caller's transaction's, and the read is the same either way.
        SelectRotationForUpdate = SelectRotation,
        SelectRotation = SelectRotation,
        UpsertRotation = """
            INSERT INTO rotation (team_id, last_rep_id, updated_at) VALUES (@TeamId, @LastRepId, @UpdatedAt)
            ON CONFLICT (team_id) DO UPDATE SET last_rep_id = excluded.last_rep_id, updated_at = excluded.updated_at
            """,
        // CROSS JOIN keeps the key list the outer loop, so each key is one probe of the unique index.
        FindIdsByKeys = """
            SELECT l.source AS Source, l.external_id AS ExternalId, l.id AS Id
            FROM json_each(@Keys) AS k
            CROSS JOIN leads AS l
            WHERE l.source = json_extract(k.value, '$[0]') AND l.external_id = json_extract(k.value, '$[1]')
            """,
        InsertLead = """
            INSERT INTO leads (id, source, external_id, received_at, email, status, team_id, rep_id, payload)
            VALUES (@Id, @Source, @ExternalId, @ReceivedAt, @Email, @Status, @TeamId, @RepId, @Payload)
            """,
        InsertDecision = """
            INSERT INTO decisions (lead_id, decided_at, rule_set_version, status, score, qualified, team_id, rep_id, rep_name, trace)
            VALUES (@LeadId, @DecidedAt, @RuleSetVersion, @Status, @Score, @Qualified, @TeamId, @RepId, @RepName, @Trace)
            """,
        InsertAssignment = """
            INSERT INTO assignments (lead_id, team_id, rep_id, assigned_at, reason, trace)
            VALUES (@LeadId, @TeamId, @RepId, @AssignedAt, @Reason, @Trace)
            """,
        SelectRepStates = """
            SELECT rep_id AS RepId, active AS Active, ooo_from AS OutOfOfficeFrom, ooo_to AS OutOfOfficeTo,
                   max_open_leads AS MaxOpenLeads, max_leads_per_day AS MaxLeadsPerDay, weight AS Weight,
                   open_leads AS OpenLeads, assigned_today AS AssignedToday, assigned_day AS AssignedDay, credit AS Credit
            FROM rep_state
            """,
        UpsertRepState = """
            INSERT INTO rep_state (rep_id, active, ooo_from, ooo_to, max_open_leads, max_leads_per_day, weight,
                                   open_leads, assigned_today, assigned_day, credit, updated_at)
            VALUES (@RepId, @Active, @OutOfOfficeFrom, @OutOfOfficeTo, @MaxOpenLeads, @MaxLeadsPerDay, @Weight,
                    @OpenLeads, @AssignedToday, @AssignedDay, @Credit, @UpdatedAt)
            ON CONFLICT (rep_id) DO UPDATE SET
                active = excluded.active, ooo_from = excluded.ooo_from, ooo_to = excluded.ooo_to,
                max_open_leads = excluded.max_open_leads, max_leads_per_day = excluded.max_leads_per_day,
                weight = excluded.weight, open_leads = excluded.open_leads, assigned_today = excluded.assigned_today,
                assigned_day = excluded.assigned_day, credit = excluded.credit, updated_at = excluded.updated_at
            """,
        FindAccounts = """
            SELECT match_key AS MatchKey, name AS Name, owner_rep_id AS OwnerRepId
            FROM accounts WHERE match_key IN (SELECT value FROM json_each(@Keys))
            """,
        FindOpenLeadsByEmails = """
            SELECT email AS Email, id AS LeadId, rep_id AS OwnerRepId, received_at AS ReceivedAt
            FROM leads
            WHERE email IN (SELECT value FROM json_each(@Emails)) AND status IN ('assigned', 'working') AND rep_id IS NOT NULL AND received_at >= @Since
            """,
        SelectRecordById = SelectRecord + " WHERE l.id = @Id",
        SelectRecordByKey = SelectRecord + " WHERE l.source = @Source AND l.external_id = @ExternalId",
        Ping = "SELECT 1",
    };
}
