-- The T-SQL twin of Sqlite/0006_webhooks.sql.

-- One row per outbox event and subscription that wants it. The dispatcher fans each event out into
-- these rows (and marks the event dispatched) in one transaction, then sends each row on its own
-- schedule, so a receiver that is down holds back only its own deliveries.
CREATE TABLE dbo.webhook_deliveries (
    id                bigint IDENTITY(1, 1) NOT NULL,
    event_seq         bigint            NOT NULL,
    event_id          nvarchar(36)      NOT NULL,
    subscription      nvarchar(64)      NOT NULL,
    state             nvarchar(16)      NOT NULL,
    attempts          int               NOT NULL CONSTRAINT df_webhook_deliveries_attempts DEFAULT 0,
    next_attempt_at   datetimeoffset(7) NOT NULL,
    last_attempt_at   datetimeoffset(7) NULL,
    last_status_code  int               NULL,
    last_error        nvarchar(1000)    NULL,
    delivered_at      datetimeoffset(7) NULL,
    -- A lease, not a lock held open: the host whose token is here sends the delivery until
    -- claimed_until; after that another host may claim it, so a crashed sender delays, never loses.
    claimed_until     datetimeoffset(7) NULL,
    claim_token       nvarchar(36)      NULL,
    created_at        datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_webhook_deliveries PRIMARY KEY (id),
    CONSTRAINT fk_webhook_deliveries_outbox_events FOREIGN KEY (event_seq) REFERENCES dbo.outbox_events (seq),
    -- An event reaches each subscription once, however many dispatchers fan it out.
    CONSTRAINT ux_webhook_deliveries_event_subscription UNIQUE (event_seq, subscription)
);

-- Each subscription is sent on its own lane, so a receiver that is down never holds up another.
CREATE INDEX ix_webhook_deliveries_due ON dbo.webhook_deliveries (subscription, next_attempt_at) WHERE state = N'pending';
CREATE INDEX ix_webhook_deliveries_state ON dbo.webhook_deliveries (state, id);
CREATE INDEX ix_webhook_deliveries_claim ON dbo.webhook_deliveries (claim_token) WHERE claim_token IS NOT NULL;
