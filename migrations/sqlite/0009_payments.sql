-- Issue 12: M-Pesa payments. A request is one STK push; it is settled once (by its callback, by a status query, or
-- by the Paybill confirmation of the same bill reference), whichever comes first. Nothing here is ever deleted:
-- the events are the payments' history, and a payment to an invoice already paid becomes a credit to refund.

-- One STK push: sent, then waiting for its callback, then paid or failed.
CREATE TABLE mpesa_requests (
    id                  TEXT PRIMARY KEY,
    application_id      TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    phone               TEXT NOT NULL,
    amount_kes          INTEGER NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('sending', 'pending', 'paid', 'failed')),
    checkout_request_id TEXT UNIQUE,
    merchant_request_id TEXT,
    result_code         INTEGER,
    receipt             TEXT UNIQUE,
    created_at          INTEGER NOT NULL,
    settled_at          INTEGER,
    -- A reconciler's claim: until this time no other process queries the request.
    claimed_until       INTEGER
);
CREATE INDEX mpesa_requests_of_application ON mpesa_requests (application_id, created_at);
CREATE INDEX mpesa_requests_unsettled ON mpesa_requests (status, created_at);

-- Paybill (C2B) confirmations, once each: M-Pesa may send one twice.
CREATE TABLE mpesa_confirmations (
    trans_id       TEXT PRIMARY KEY,
    bill_reference TEXT NOT NULL,
    amount_kes     INTEGER NOT NULL,
    msisdn         TEXT NOT NULL,
    received_at    INTEGER NOT NULL
);

-- Money received for an invoice that was paid already (or a second receipt): owed back to the payer, never lost.
CREATE TABLE payment_credits (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    method         TEXT NOT NULL CHECK (method IN ('mpesa', 'card', 'counter')),
    receipt        TEXT NOT NULL UNIQUE,
    amount_kes     INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    refunded_at    INTEGER
);

-- Every change to a payment, in order (ids are time-ordered UUIDs); rows are only ever added.
CREATE TABLE payment_events (
    id             TEXT PRIMARY KEY,
    application_id TEXT,
    request_id     TEXT,
    kind           TEXT NOT NULL,
    detail         TEXT NOT NULL,
    at             INTEGER NOT NULL
);
CREATE INDEX payment_events_of_application ON payment_events (application_id, id);
CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events
BEGIN
    SELECT RAISE(ABORT, 'payment events are append-only');
END;
CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events
BEGIN
    SELECT RAISE(ABORT, 'payment events are append-only');
END;
