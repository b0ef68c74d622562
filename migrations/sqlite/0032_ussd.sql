-- Issue 31: the USSD channel. A PIN set on the website guards the channel's personal steps; it is stored as argon2
-- of an HMAC under the code key (a stolen database alone cannot try the 10,000 PINs).
CREATE TABLE ussd_pins (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    pin_hash   TEXT NOT NULL,
    set_at     BIGINT NOT NULL
);

-- A USSD session in progress: the gateway posts every answer so far, so the row keeps where the caller is and how
-- many answers were taken (a repeated post gets the same screen again). Gone when the session ends; the sweep
-- removes the ones a gateway abandoned (a session lasts at most 180 seconds).
CREATE TABLE ussd_sessions (
    session_id TEXT PRIMARY KEY,
    phone      TEXT NOT NULL,
    lang       TEXT NOT NULL,
    node       TEXT NOT NULL,
    answered   BIGINT NOT NULL,
    last_reply TEXT NOT NULL,
    started_at BIGINT NOT NULL
);
CREATE INDEX ussd_sessions_started ON ussd_sessions (started_at);
