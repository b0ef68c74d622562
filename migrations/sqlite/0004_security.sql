-- Issue 9 (accounts security).
-- A change of email or phone is held as pending until the new address or number proves itself; the old one keeps
-- working meanwhile, so a verified account never has an unverified channel.
ALTER TABLE accounts ADD COLUMN pending_email TEXT;
ALTER TABLE accounts ADD COLUMN pending_phone TEXT;

-- Challenges gain the purpose 'step_up' (a code to a verified channel before a sensitive change). SQLite cannot
-- alter a CHECK, so the table is rebuilt. Codes are now HMAC-SHA-256 under the server's key (`salt` stays the
-- per-code salt); a code issued before this migration stops working, which ten minutes would have done anyway.
CREATE TABLE challenges_new (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset', 'step_up')),
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

-- A message carrying a code or link keeps a copy without it; once the message is delivered, or its secret has
-- expired, the copy replaces the body, so the outbox holds no live secret at rest.
ALTER TABLE outbox ADD COLUMN redacted_body TEXT;
ALTER TABLE outbox ADD COLUMN secret_until INTEGER;

-- Sessions: the browser, for the list of signed-in browsers. (The 12-hour limit runs from created_at, which a
-- sign-in renews with the session's id.)
ALTER TABLE sessions ADD COLUMN label TEXT NOT NULL DEFAULT '';

-- Throttle rows are swept once quiet; this finds them.
CREATE INDEX sign_in_throttles_updated ON sign_in_throttles (updated_at);
