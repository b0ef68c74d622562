-- Issue 11: codes gain the purpose 'tims_link' (a code to the phone on a legacy TIMS record). SQLite cannot alter a
-- CHECK, so the table is rebuilt as in 0004.
CREATE TABLE challenges_new (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset', 'step_up',
                                                 'tims_link')),
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
