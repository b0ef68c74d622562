-- Issue 29: reminders 90, 30 and 7 days before a driving licence, an inspection certificate, a PSV licence or a PSV
-- badge expires. A row is the claim that one reminder went (what, which record, its expiry, how long before, to whom):
-- the primary key makes each one once, however many server processes send.
CREATE TABLE reminders_sent (
    kind       TEXT NOT NULL CHECK (kind IN ('driving_licence', 'inspection', 'psv_licence', 'psv_badge')),
    subject    TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    lead_days  INTEGER NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sent_at    INTEGER NOT NULL,
    PRIMARY KEY (kind, subject, expires_on, lead_days, account_id)
);

-- The kinds a person turned off (none: every kind is on).
CREATE TABLE reminders_off (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('driving_licence', 'inspection', 'psv_licence', 'psv_badge')),
    since      INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind)
);
