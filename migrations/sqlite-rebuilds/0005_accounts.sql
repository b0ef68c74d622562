-- Issue 9, point 10: accounts unique per (document_type, id_number) instead of id_number alone. Run by
-- app/src/db.rs with foreign keys off, in one transaction, once (when accounts has no document_type yet): SQLite's
-- documented procedure (create, copy, drop, rename) keeps the rows of the tables that reference accounts.
CREATE TABLE accounts_new (
    id                TEXT PRIMARY KEY,
    account_type      TEXT NOT NULL CHECK (account_type IN ('citizen', 'resident', 'diplomat', 'visitor', 'business')),
    document_type     TEXT NOT NULL
                      CHECK (document_type IN ('national_id', 'foreigner_certificate', 'diplomatic_id', 'passport')),
    id_number         TEXT NOT NULL,
    first_name        TEXT NOT NULL,
    last_name         TEXT NOT NULL,
    year_of_birth     INTEGER,
    nationality       TEXT,
    mission           TEXT,
    email             TEXT NOT NULL UNIQUE,
    email_verified_at INTEGER,
    phone             TEXT NOT NULL UNIQUE,
    phone_verified_at INTEGER,
    password_hash     TEXT NOT NULL,
    language          TEXT NOT NULL,
    code_channel      TEXT NOT NULL DEFAULT 'sms' CHECK (code_channel IN ('sms', 'email')),
    terms_version     TEXT NOT NULL,
    terms_accepted_at INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    pending_email     TEXT,
    pending_phone     TEXT,
    UNIQUE (document_type, id_number)
);
INSERT INTO accounts_new (id, account_type, document_type, id_number, first_name, last_name, year_of_birth,
    nationality, mission, email, email_verified_at, phone, phone_verified_at, password_hash, language, code_channel,
    terms_version, terms_accepted_at, created_at, pending_email, pending_phone)
SELECT id, account_type,
    CASE account_type
        WHEN 'citizen' THEN 'national_id'
        WHEN 'resident' THEN 'foreigner_certificate'
        WHEN 'diplomat' THEN 'diplomatic_id'
        WHEN 'visitor' THEN 'passport'
        ELSE CASE WHEN id_number GLOB '*[^0-9]*' THEN 'foreigner_certificate' ELSE 'national_id' END
    END,
    id_number, first_name, last_name, year_of_birth, nationality, mission, email, email_verified_at, phone,
    phone_verified_at, password_hash, language, code_channel, terms_version, terms_accepted_at, created_at,
    pending_email, pending_phone
FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
