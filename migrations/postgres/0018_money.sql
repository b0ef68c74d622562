-- Issue 27: money going back. One row per thing refunded (a credit, a rejected application's fee, money under no
-- reference), made by the first approval: the unique source makes ten simultaneous approvals one refund. A refund
-- that failed is approved again by updating its row, never by a second one.
CREATE TABLE refunds (
    id              TEXT PRIMARY KEY,
    source          TEXT NOT NULL CHECK (source IN ('credit', 'application', 'investigation')),
    source_id       TEXT NOT NULL,
    -- The application it concerns (its page and payment history show the refund), if any.
    application_id  TEXT,
    method          TEXT NOT NULL CHECK (method IN ('mpesa', 'card')),
    -- What is given back: the M-Pesa receipt or card transaction that paid.
    paid_receipt    TEXT NOT NULL,
    -- M-Pesa: the phone the money goes back to (2547...).
    phone           TEXT,
    amount_kes      BIGINT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'refunded', 'failed')),
    -- The gateway's word: M-Pesa's ConversationID (the result names it), its receipt or the card refund's id, and
    -- why it failed (the result M-Pesa or the provider gave).
    conversation_id TEXT,
    receipt         TEXT,
    failure         TEXT,
    approved_by     TEXT NOT NULL,
    approved_at     BIGINT NOT NULL,
    settled_at      BIGINT,
    -- When M-Pesa was last asked about a refund whose result has not come (the sweep asks at most every 10 min).
    asked_at        BIGINT,
    UNIQUE (source, source_id)
);
CREATE INDEX refunds_of_application ON refunds (application_id);
CREATE INDEX refunds_by_status ON refunds (status, approved_at);

-- How staff closed an investigation: attached to an application, refunded, or closed with a note.
ALTER TABLE payment_investigations ADD COLUMN resolution TEXT;
ALTER TABLE payment_investigations ADD COLUMN resolved_by TEXT;

-- A supervisor's withdrawal of a document (revoked_at is when): why, and who.
ALTER TABLE documents ADD COLUMN withdrawn_reason TEXT;
ALTER TABLE documents ADD COLUMN withdrawn_by TEXT;

-- The daily reconciliation: what the gateways say was received against what Uraia recorded, one row per day (the
-- first process to insert it runs it) and one per receipt of that day. An item is `asked` until its gateway
-- answers, then `matched` or a `difference` with why.
CREATE TABLE reconciliations (
    day         TEXT PRIMARY KEY,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    items       BIGINT NOT NULL DEFAULT 0,
    differences BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE reconciliation_items (
    day           TEXT NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('mpesa', 'card')),
    receipt       TEXT NOT NULL,
    -- What Uraia recorded (NULL: nothing) and what the gateway says it received (NULL: nothing, or not yet).
    recorded_kes  BIGINT,
    confirmed_kes BIGINT,
    state         TEXT NOT NULL CHECK (state IN ('asked', 'matched', 'difference')),
    why           TEXT,
    PRIMARY KEY (day, method, receipt)
);
CREATE INDEX reconciliation_items_asked ON reconciliation_items (method, receipt, state);
CREATE INDEX reconciliation_items_state ON reconciliation_items (day, state);
-- The day's receipts are gathered by when they were paid.
CREATE INDEX payments_paid_at ON payments (paid_at);
CREATE INDEX payment_credits_created_at ON payment_credits (created_at);
