-- Issue 9, point 10: identities that cannot be squatted. An identity is unique per document type (a visitor's
-- passport number no longer blocks a resident whose certificate has the same characters), and the registers
-- that residents, diplomats and businesses' authorised people are checked against.
--
-- The accounts table itself is rebuilt by app/src/db.rs (migrations/sqlite-rebuilds/0005_accounts.sql): SQLite
-- cannot drop the old UNIQUE (id_number), and its documented rebuild needs foreign keys off, which cannot change
-- inside the transaction sqlx runs every migration in.

CREATE TABLE register_residents (
    document_number TEXT PRIMARY KEY,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    nationality     TEXT NOT NULL
);

CREATE TABLE register_diplomats (
    document_number TEXT PRIMARY KEY,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    mission         TEXT NOT NULL
);

-- The directors KRA records for an organisation, by the identity document they would register with.
CREATE TABLE organisation_directors (
    kra_pin   TEXT NOT NULL REFERENCES organisations (kra_pin),
    id_number TEXT NOT NULL,
    PRIMARY KEY (kra_pin, id_number)
);
