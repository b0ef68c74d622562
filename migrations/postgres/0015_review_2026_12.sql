-- Issue 25: money is believed only when M-Pesa confirms it, and a fee is frozen on the answers it was checked on.

-- The owner's wait page asks M-Pesa about a prompt at most once every 15 s (claimed with a conditional UPDATE).
ALTER TABLE mpesa_requests ADD COLUMN last_queried_at BIGINT;

-- Paybill payments M-Pesa asked us to validate, and that we accepted: a confirmation of one of these is believed;
-- any other is settled only after M-Pesa's Transaction Status API confirms it.
CREATE TABLE mpesa_validations (
    trans_id       TEXT PRIMARY KEY,
    bill_reference TEXT NOT NULL,
    amount_kes     BIGINT NOT NULL,
    msisdn         TEXT NOT NULL,
    accepted_at    BIGINT NOT NULL
);
ALTER TABLE mpesa_confirmations ADD COLUMN status TEXT NOT NULL DEFAULT 'settled'
    CHECK (status IN ('unverified', 'settled', 'refused'));

-- Money and results that need a person: a paid prompt nobody asked for, a Paybill payment under no reference, a
-- result that contradicts a settled payment. Never lost, never settled by itself; staff resolve them.
CREATE TABLE payment_investigations (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('unknown-prompt', 'unknown-reference', 'contradiction')),
    application_id TEXT,
    request_id     TEXT,
    receipt        TEXT,
    amount_kes     BIGINT,
    phone          TEXT,
    detail         TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    resolved_at    BIGINT
);
CREATE UNIQUE INDEX payment_investigations_once ON payment_investigations (kind, receipt);

-- Every save of a draft's answers increments its version; a submission freezes the fee only on the version it
-- checked (`UPDATE ... WHERE status = 'draft' AND version = $checked`).
ALTER TABLE applications ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- What a code authorises beyond the account's own act (a TIMS record's number, a transfer offer's application): a
-- code is right only for the subject it was sent for.
ALTER TABLE challenges ADD COLUMN subject TEXT NOT NULL DEFAULT '';

-- One live inspection place (held or booked) per vehicle: one account once held a centre's whole day for one car.
ALTER TABLE inspection_bookings ADD COLUMN plate TEXT;
CREATE UNIQUE INDEX inspection_bookings_one_per_vehicle ON inspection_bookings (plate) WHERE status IN ('held', 'booked');

-- Card sessions: a result may come by the provider's server-to-server notification as well as with the browser;
-- a session left open is asked about (claimed so that one process asks), and one open for a day expires.
ALTER TABLE card_sessions DROP CONSTRAINT card_sessions_status_check;
ALTER TABLE card_sessions ADD CONSTRAINT card_sessions_status_check
    CHECK (status IN ('open', 'paid', 'declined', 'expired'));
ALTER TABLE card_sessions ADD COLUMN claimed_until BIGINT;
CREATE INDEX card_sessions_open ON card_sessions (status, created_at);
