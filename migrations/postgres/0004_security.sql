-- Issue 9 (accounts security). The SQLite twin explains each change.
ALTER TABLE accounts ADD COLUMN pending_email TEXT, ADD COLUMN pending_phone TEXT;

ALTER TABLE challenges DROP CONSTRAINT challenges_purpose_check;
ALTER TABLE challenges ADD CONSTRAINT challenges_purpose_check
    CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset', 'step_up'));
CREATE INDEX challenges_expiry ON challenges (expires_at);

ALTER TABLE outbox ADD COLUMN redacted_body TEXT, ADD COLUMN secret_until BIGINT;

ALTER TABLE sessions ADD COLUMN label TEXT NOT NULL DEFAULT '';

CREATE INDEX sign_in_throttles_updated ON sign_in_throttles (updated_at);
