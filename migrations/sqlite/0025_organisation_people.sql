-- Issue 28: organisations act through their people. An authorised person adds another by ID number; the
-- invitation waits (14 days) until that person accepts it with a code sent to their phone. One live invitation
-- per person and organisation.
CREATE TABLE organisation_invitations (
    kra_pin    TEXT NOT NULL REFERENCES organisations (kra_pin),
    id_number  TEXT NOT NULL REFERENCES register_people (id_number),
    role       TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    invited_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (kra_pin, id_number)
);
CREATE INDEX organisation_invitations_person ON organisation_invitations (id_number);

-- Who added a person (NULL: a director who linked the organisation when registering).
ALTER TABLE account_organisations ADD COLUMN added_by TEXT REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX account_organisations_organisation ON account_organisations (kra_pin);

-- The organisation an application was made for (its vehicle), by the person whose account made it.
ALTER TABLE applications ADD COLUMN organisation_kra_pin TEXT REFERENCES organisations (kra_pin);
CREATE INDEX applications_organisation ON applications (organisation_kra_pin, created_at)
    WHERE organisation_kra_pin IS NOT NULL;

-- The invited person accepts with a code to their phone. SQLite cannot alter a CHECK: rebuilt as in 0014.
CREATE TABLE challenges_new (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset', 'step_up',
                                                 'tims_link', 'transfer_accept', 'organisation_join')),
    channel     TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    sent_to     TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    salt        TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER,
    subject     TEXT NOT NULL DEFAULT ''
);
INSERT INTO challenges_new SELECT id, account_id, purpose, channel, sent_to, secret_hash, salt, attempts, created_at,
    expires_at, used_at, subject FROM challenges;
DROP TABLE challenges;
ALTER TABLE challenges_new RENAME TO challenges;
CREATE INDEX challenges_account ON challenges (account_id, purpose, created_at);
CREATE INDEX challenges_secret ON challenges (secret_hash);
CREATE INDEX challenges_expiry ON challenges (expires_at);
