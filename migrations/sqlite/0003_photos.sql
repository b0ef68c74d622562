-- Passport photos (issue 4): at most one per account, stored as the re-encoded JPEG (no metadata survives the
-- re-encoding). The id is random and changes with every replacement, so a photo's address is never guessable
-- and never reused; replacing is one upsert, so there is never a moment with no photo or two.
CREATE TABLE photos (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    jpeg       BLOB NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    added_at   INTEGER NOT NULL
);
