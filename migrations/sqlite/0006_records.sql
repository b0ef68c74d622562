-- Issue 11: the dashboard's "My vehicles" and linked TIMS accounts.

-- Commercial vehicles and PSVs are inspected every year; a private car has no periodic inspection (NULL).
ALTER TABLE vehicles ADD COLUMN inspection_due_on TEXT;

-- A legacy TIMS account linked to a Uraia account. The record is the key: one record, one account.
CREATE TABLE tims_links (
    account_number TEXT PRIMARY KEY REFERENCES tims_accounts (account_number),
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- 'code' (a code to the legacy phone) or 'details' (first name and year of birth matched).
    proved_by      TEXT NOT NULL CHECK (proved_by IN ('code', 'details')),
    linked_at      INTEGER NOT NULL
);
CREATE INDEX tims_links_account ON tims_links (account_id);
