namespace SalesOps.Routing.Host.Webhooks.SqlServer;

internal static class SqlServerWebhookSql
{
    // A fragment, not a statement: static readonly rather than const, so only whole statements are
    // offered to the T-SQL checks.
    private static readonly string DeliveryColumns = """
        d.id AS Id, d.event_id AS EventId, e.event_type AS EventType, e.lead_id AS LeadId, e.occurred_at AS OccurredAt,
        d.subscription AS Subscription, d.state AS State, d.attempts AS Attempts, d.next_attempt_at AS NextAttemptAt,
        d.last_attempt_at AS LastAttemptAt, d.last_status_code AS LastStatusCode, d.last_error AS LastError,
        d.delivered_at AS DeliveredAt, d.created_at AS CreatedAt
        """;

    public static WebhookStatements Statements { get; } = new()
    {
        InsertEvent = """
            INSERT INTO dbo.outbox_events (event_id, event_type, lead_id, timer_id, occurred_at, payload)
            VALUES (@EventId, @EventType, @LeadId, NULL, @OccurredAt, @Payload)
            """,
        SelectLeadKey = "SELECT source AS Source, external_id AS ExternalId FROM dbo.leads WHERE id = @Id",

        // Two hosts fan out at once: each locks the events it takes and skips those the other holds,
        // and skips events still being written; the conditional update below decides who records each.
        SelectUndispatched = """
            SELECT TOP (@Take) seq AS Seq, event_id AS EventId, event_type AS EventType
            FROM dbo.outbox_events WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE dispatched_at IS NULL ORDER BY seq
            """,
        MarkDispatched = "UPDATE dbo.outbox_events SET dispatched_at = @Now WHERE seq = @Seq AND dispatched_at IS NULL",
        InsertDelivery = """
            INSERT INTO dbo.webhook_deliveries (event_seq, event_id, subscription, state, attempts, next_attempt_at, created_at)
            VALUES (@Seq, @EventId, @Subscription, N'pending', 0, @Now, @Now)
            """,
        SelectDueSubscriptions = "SELECT DISTINCT subscription FROM dbo.webhook_deliveries WHERE state = N'pending' AND next_attempt_at <= @Now",
        // A lease: rows already claimed by a live host are skipped until their lease runs out, and
        // rows another host is claiming right now are skipped rather than waited for.
        ClaimDue = """
            UPDATE dbo.webhook_deliveries SET claimed_until = @Until, claim_token = @Token
            WHERE id IN (
                SELECT TOP (@Take) id FROM dbo.webhook_deliveries WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE state = N'pending' AND subscription = @Subscription AND next_attempt_at <= @Now
                    AND (claimed_until IS NULL OR claimed_until <= @Now)
                ORDER BY next_attempt_at, id)
            """,
        SelectClaimed = """
            SELECT d.id AS Id, d.subscription AS Subscription, d.attempts AS Attempts, d.event_id AS EventId,
                e.event_type AS EventType, e.payload AS Payload, e.occurred_at AS OccurredAt
            FROM dbo.webhook_deliveries d JOIN dbo.outbox_events e ON e.seq = d.event_seq
            WHERE d.claim_token = @Token ORDER BY d.next_attempt_at, d.id
            """,
        // Only the holder of the claim records the outcome; a host whose lease ran out changes nothing.
        CompleteDelivery = """
            UPDATE dbo.webhook_deliveries SET state = @State, attempts = attempts + @Tries, next_attempt_at = @NextAttemptAt,
                last_attempt_at = @Now, last_status_code = @StatusCode, last_error = @Error, delivered_at = @DeliveredAt,
                claimed_until = NULL, claim_token = NULL
            WHERE id = @Id AND claim_token = @Token
            """,
        ReleaseClaims = "UPDATE dbo.webhook_deliveries SET claimed_until = NULL, claim_token = NULL WHERE claim_token = @Token",
        SelectDeliveries = $"""
            SELECT TOP (@Take) {DeliveryColumns}
            FROM dbo.webhook_deliveries d JOIN dbo.outbox_events e ON e.seq = d.event_seq
            WHERE (@State IS NULL OR d.state = @State) AND (@Subscription IS NULL OR d.subscription = @Subscription)
                AND (@Before IS NULL OR d.id < @Before)
            ORDER BY d.id DESC
            """,
        SelectDelivery = $"SELECT {DeliveryColumns} FROM dbo.webhook_deliveries d JOIN dbo.outbox_events e ON e.seq = d.event_seq WHERE d.id = @Id",
        RetryFailed = """
            UPDATE dbo.webhook_deliveries SET state = N'pending', next_attempt_at = @Now, claimed_until = NULL, claim_token = NULL
            WHERE id = @Id AND state = N'failed'
            """,
    };
}
