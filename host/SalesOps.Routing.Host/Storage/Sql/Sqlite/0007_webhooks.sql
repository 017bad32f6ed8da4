-- One row per outbox event and subscription that wants it. The dispatcher fans each event out into
-- these rows (and marks the event dispatched) in one transaction, then sends each row on its own
-- schedule, so a receiver that is down holds back only its own deliveries. Instants are UTC text.
CREATE TABLE webhook_deliveries (
    id                INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    event_seq         INTEGER NOT NULL REFERENCES outbox_events (seq),
    event_id          TEXT    NOT NULL,
    subscription      TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT    NOT NULL,
    last_attempt_at   TEXT    NULL,
    last_status_code  INTEGER NULL,
    last_error        TEXT    NULL,
    delivered_at      TEXT    NULL,
    -- A lease, not a lock held open: the host whose token is here sends the delivery until
    -- claimed_until; after that another host may claim it, so a crashed sender delays, never loses.
    claimed_until     TEXT    NULL,
    claim_token       TEXT    NULL,
    created_at        TEXT    NOT NULL
);

-- An event reaches each subscription once, however many dispatchers fan it out.
CREATE UNIQUE INDEX ux_webhook_deliveries_event_subscription ON webhook_deliveries (event_seq, subscription);
-- Each subscription is sent on its own lane, so a receiver that is down never holds up another.
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (subscription, next_attempt_at) WHERE state = 'pending';
CREATE INDEX ix_webhook_deliveries_state ON webhook_deliveries (state, id);
CREATE INDEX ix_webhook_deliveries_claim ON webhook_deliveries (claim_token) WHERE claim_token IS NOT NULL;
