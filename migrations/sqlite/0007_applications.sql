-- Issue 11: the application framework (drafts, submission, invoice, timeline, payments, decisions) and the driving
-- licence renewal's own records.

-- Where a smart driving licence card is collected (NTSA offices; demo data).
CREATE TABLE collection_centres (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    county TEXT NOT NULL
);

-- An application to a service. Answers are the service's JSON; the invoice is frozen at submission.
CREATE TABLE applications (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    service         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'awaiting_payment', 'paid', 'in_review',
                                                   'approved', 'rejected', 'completed')),
    answers         TEXT NOT NULL,
    reference       TEXT UNIQUE,
    fee_code        TEXT,
    fee_kes         INTEGER,
    access_fee_kes  INTEGER,
    decision_reason TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    submitted_at    INTEGER
);
-- One open draft per person and service: a double click on "Start" resumes the draft instead of making two.
CREATE UNIQUE INDEX applications_one_draft ON applications (account_id, service) WHERE status = 'draft';
CREATE INDEX applications_of_account ON applications (account_id, updated_at);

-- The status timeline: each status is reached once.
CREATE TABLE application_events (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    status         TEXT NOT NULL,
    at             INTEGER NOT NULL,
    PRIMARY KEY (application_id, status)
);

-- One payment settles one application; a receipt is used once.
CREATE TABLE payments (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL UNIQUE REFERENCES applications (id) ON DELETE CASCADE,
    method         TEXT NOT NULL CHECK (method IN ('mpesa', 'card', 'counter')),
    receipt        TEXT NOT NULL UNIQUE,
    amount_kes     INTEGER NOT NULL,
    paid_at        INTEGER NOT NULL
);

-- What a completed renewal issued: the slip is printed from it (the PDF comes with payments).
CREATE TABLE renewal_slips (
    application_id   TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    holder_id_number TEXT NOT NULL,
    classes          TEXT NOT NULL,
    old_expires_on   TEXT NOT NULL,
    new_expires_on   TEXT NOT NULL,
    smart            INTEGER NOT NULL CHECK (smart IN (0, 1)),
    issued_at        INTEGER NOT NULL
);
