-- Issue 13: transfer of ownership. The seller's logbook (owner-only, like photos), and the offer to the buyer:
-- one offer at a time per vehicle (the partial unique index), accepted, declined or lapsed within 14 days.
CREATE TABLE transfer_logbooks (
    application_id TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    format         TEXT NOT NULL CHECK (format IN ('pdf', 'jpeg', 'png')),
    content        BLOB    NOT NULL,
    uploaded_at    INTEGER NOT NULL
);

CREATE TABLE vehicle_transfers (
    application_id  TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    plate           TEXT NOT NULL REFERENCES vehicles (plate),
    seller_id_number TEXT NOT NULL REFERENCES register_people (id_number),
    buyer_account   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    buyer_id_number TEXT NOT NULL REFERENCES register_people (id_number),
    status          TEXT NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'lapsed')),
    offered_at      INTEGER NOT NULL,
    deadline        INTEGER NOT NULL,
    decided_at      INTEGER
);
CREATE UNIQUE INDEX vehicle_transfers_one_offer ON vehicle_transfers (plate) WHERE status = 'offered';
CREATE INDEX vehicle_transfers_buyer ON vehicle_transfers (buyer_account);
CREATE INDEX vehicle_transfers_deadline ON vehicle_transfers (deadline) WHERE status = 'offered';

-- A document held by someone other than the applicant (the buyer's acknowledgement of a transfer).
ALTER TABLE documents ADD COLUMN holder_account TEXT REFERENCES accounts (id) ON DELETE CASCADE;

-- The buyer's acceptance is proved by a code to their phone. SQLite cannot alter a CHECK: rebuilt as in 0008.
CREATE TABLE challenges_new (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset', 'step_up',
                                                 'tims_link', 'transfer_accept')),
    channel     TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    sent_to     TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    salt        TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);
INSERT INTO challenges_new SELECT id, account_id, purpose, channel, sent_to, secret_hash, salt, attempts, created_at,
    expires_at, used_at FROM challenges;
DROP TABLE challenges;
ALTER TABLE challenges_new RENAME TO challenges;
CREATE INDEX challenges_account ON challenges (account_id, purpose, created_at);
CREATE INDEX challenges_secret ON challenges (secret_hash);
CREATE INDEX challenges_expiry ON challenges (expires_at);
