-- Issue 13: transfer of ownership. The seller's logbook (owner-only, like photos), and the offer to the buyer:
-- one offer at a time per vehicle (the partial unique index), accepted, declined or lapsed within 14 days.
CREATE TABLE transfer_logbooks (
    application_id TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    format         TEXT NOT NULL CHECK (format IN ('pdf', 'jpeg', 'png')),
    content        BYTEA NOT NULL,
    uploaded_at    BIGINT NOT NULL
);

CREATE TABLE vehicle_transfers (
    application_id  TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    plate           TEXT NOT NULL REFERENCES vehicles (plate),
    seller_id_number TEXT NOT NULL REFERENCES register_people (id_number),
    buyer_account   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    buyer_id_number TEXT NOT NULL REFERENCES register_people (id_number),
    status          TEXT NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'lapsed')),
    offered_at      BIGINT NOT NULL,
    deadline        BIGINT NOT NULL,
    decided_at      BIGINT
);
CREATE UNIQUE INDEX vehicle_transfers_one_offer ON vehicle_transfers (plate) WHERE status = 'offered';
CREATE INDEX vehicle_transfers_buyer ON vehicle_transfers (buyer_account);
CREATE INDEX vehicle_transfers_deadline ON vehicle_transfers (deadline) WHERE status = 'offered';

-- A document held by someone other than the applicant (the buyer's acknowledgement of a transfer).
ALTER TABLE documents ADD COLUMN holder_account TEXT REFERENCES accounts (id) ON DELETE CASCADE;

-- The buyer's acceptance is proved by a code to their phone.
ALTER TABLE challenges DROP CONSTRAINT challenges_purpose_check;
ALTER TABLE challenges ADD CONSTRAINT challenges_purpose_check
    CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset', 'step_up', 'tims_link', 'transfer_accept'));
