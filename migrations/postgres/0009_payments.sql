-- Issue 12: M-Pesa payments. A request is one STK push; it is settled once (by its callback, by a status query, or
-- by the Paybill confirmation of the same bill reference), whichever comes first. Nothing here is ever deleted:
-- the events are the payments' history, and a payment to an invoice already paid becomes a credit to refund.

-- One STK push: sent, then waiting for its callback, then paid or failed.
CREATE TABLE mpesa_requests (
    id                  TEXT PRIMARY KEY,
    application_id      TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    phone               TEXT NOT NULL,
    amount_kes          BIGINT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('sending', 'pending', 'paid', 'failed')),
    checkout_request_id TEXT UNIQUE,
    merchant_request_id TEXT,
    result_code         BIGINT,
    receipt             TEXT UNIQUE,
    created_at          BIGINT NOT NULL,
    settled_at          BIGINT,
    -- A reconciler's claim: until this time no other process queries the request.
    claimed_until       BIGINT
);
CREATE INDEX mpesa_requests_of_application ON mpesa_requests (application_id, created_at);
CREATE INDEX mpesa_requests_unsettled ON mpesa_requests (status, created_at);

-- Paybill (C2B) confirmations, once each: M-Pesa may send one twice.
CREATE TABLE mpesa_confirmations (
    trans_id       TEXT PRIMARY KEY,
    bill_reference TEXT NOT NULL,
    amount_kes     BIGINT NOT NULL,
    msisdn         TEXT NOT NULL,
    received_at    BIGINT NOT NULL
);

-- Money received for an invoice that was paid already (or a second receipt): owed back to the payer, never lost.
CREATE TABLE payment_credits (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    method         TEXT NOT NULL CHECK (method IN ('mpesa', 'card', 'counter')),
    receipt        TEXT NOT NULL UNIQUE,
    amount_kes     BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    refunded_at    BIGINT
);

-- Every change to a payment, in order (ids are time-ordered UUIDs); rows are only ever added.
CREATE TABLE payment_events (
    id             TEXT PRIMARY KEY,
    application_id TEXT,
    request_id     TEXT,
    kind           TEXT NOT NULL,
    detail         TEXT NOT NULL,
    at             BIGINT NOT NULL
);
CREATE INDEX payment_events_of_application ON payment_events (application_id, id);
CREATE FUNCTION payment_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payment events are append-only';
END;
$$;
CREATE TRIGGER payment_events_no_change BEFORE UPDATE OR DELETE ON payment_events
    FOR EACH ROW EXECUTE FUNCTION payment_events_append_only();
