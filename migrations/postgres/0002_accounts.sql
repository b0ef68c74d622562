-- Accounts, sessions, remembered devices, one-time secrets, sign-in throttles and the message outbox (issue 3).
-- Times are unix seconds (BIGINT here, INTEGER in the SQLite twin). Every secret is stored as a SHA-256 hash
-- (hex): session ids, device tokens, email links and codes; passwords as argon2id PHC strings.
CREATE TABLE accounts (
    id                TEXT PRIMARY KEY,
    account_type      TEXT NOT NULL CHECK (account_type IN ('citizen', 'resident', 'diplomat', 'visitor', 'business')),
    -- The identity document's number (national ID, alien certificate, diplomatic ID, passport): sign-in accepts it.
    id_number         TEXT NOT NULL UNIQUE,
    first_name        TEXT NOT NULL,
    last_name         TEXT NOT NULL,
    year_of_birth     BIGINT,
    nationality       TEXT,
    mission           TEXT,
    email             TEXT NOT NULL UNIQUE,
    email_verified_at BIGINT,
    phone             TEXT NOT NULL UNIQUE,
    phone_verified_at BIGINT,
    password_hash     TEXT NOT NULL,
    language          TEXT NOT NULL,
    code_channel      TEXT NOT NULL DEFAULT 'sms' CHECK (code_channel IN ('sms', 'email')),
    terms_version     TEXT NOT NULL,
    terms_accepted_at BIGINT NOT NULL,
    created_at        BIGINT NOT NULL
);

-- A business account acts for an organisation in the register; one person may act for several.
CREATE TABLE account_organisations (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kra_pin    TEXT NOT NULL REFERENCES organisations (kra_pin),
    role       TEXT NOT NULL,
    linked_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, kra_pin)
);

-- A browser's session, signed in or not (a registration draft, a pending second step, a message to show once).
-- `data` is JSON owned by the app. Several server processes share sessions through this table.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    account_id   TEXT REFERENCES accounts (id) ON DELETE CASCADE,
    data         TEXT NOT NULL,
    remembered   BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- "Remember this device for 30 days": an absolute expiry, never extended.
CREATE TABLE trusted_devices (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    label        TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX trusted_devices_account ON trusted_devices (account_id);

-- Email links and six-digit codes. A code is hashed with its own salt (a bare hash of six digits is a lookup).
-- `sent_to` keeps the address the secret went to, so a changed email cannot be confirmed by an old link.
CREATE TABLE challenges (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset')),
    channel     TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    sent_to     TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    salt        TEXT NOT NULL,
    attempts    BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX challenges_account ON challenges (account_id, purpose, created_at);
CREATE INDEX challenges_secret ON challenges (secret_hash);

-- Failed sign-ins per key ('login:<identifier>' whether or not such an account exists, 'client:<address>').
CREATE TABLE sign_in_throttles (
    throttle_key TEXT PRIMARY KEY,
    failures     BIGINT NOT NULL,
    locked_until BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- Email and SMS waiting to go out (or, in development, shown at /dev/outbox). Written in the same transaction as
-- the change that caused it; a background task delivers it when a transport is configured.
CREATE TABLE outbox (
    id         TEXT PRIMARY KEY,
    channel    TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at    BIGINT,
    attempts   BIGINT NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (sent_at, created_at);
