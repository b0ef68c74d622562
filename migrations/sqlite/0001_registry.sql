-- The demo stand-in for other agencies' registers (national register, KRA, NTSA) and the fee table.
-- Identifiers are TEXT (never do arithmetic on an ID number); money is whole shillings; dates are ISO-8601 TEXT.
-- Integers are INTEGER here and BIGINT in the PostgreSQL twin so both decode as i64 through sqlx::Any.
CREATE TABLE register_people (
    id_number     TEXT PRIMARY KEY,
    first_name    TEXT NOT NULL,
    other_names   TEXT NOT NULL,
    year_of_birth INTEGER NOT NULL,
    sex           TEXT NOT NULL CHECK (sex IN ('F', 'M'))
);

CREATE TABLE organisations (
    kra_pin TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('company', 'dealer', 'driving_school', 'sacco')),
    county  TEXT NOT NULL
);

-- A vehicle belongs to a person or to an organisation, never both.
CREATE TABLE vehicles (
    plate           TEXT PRIMARY KEY,
    make            TEXT NOT NULL,
    model           TEXT NOT NULL,
    year            INTEGER NOT NULL,
    engine_cc       INTEGER NOT NULL,
    chassis_number  TEXT NOT NULL UNIQUE,
    engine_number   TEXT NOT NULL,
    owner_id_number TEXT REFERENCES register_people (id_number),
    owner_kra_pin   TEXT REFERENCES organisations (kra_pin),
    logbook_number  TEXT NOT NULL UNIQUE,
    CHECK ((owner_id_number IS NULL) <> (owner_kra_pin IS NULL))
);

-- Licences are keyed on the holder's ID number: NTSA publishes no licence number format (DOMAIN.md).
CREATE TABLE driving_licences (
    holder_id_number    TEXT PRIMARY KEY REFERENCES register_people (id_number),
    classes             TEXT NOT NULL,
    expires_on          TEXT NOT NULL,
    unpaid_offences_kes INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tims_accounts (
    account_number TEXT PRIMARY KEY,
    id_number      TEXT UNIQUE REFERENCES register_people (id_number),
    kra_pin        TEXT UNIQUE REFERENCES organisations (kra_pin),
    phone          TEXT NOT NULL,
    email          TEXT NOT NULL
);

CREATE TABLE inspection_centres (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    county         TEXT NOT NULL,
    daily_capacity INTEGER NOT NULL CHECK (daily_capacity > 0)
);

CREATE TABLE test_units (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    county         TEXT NOT NULL,
    daily_capacity INTEGER NOT NULL CHECK (daily_capacity > 0)
);

-- Fees are data, not code: they change by gazette notice. `position` orders them for display.
CREATE TABLE fees (
    service_code TEXT PRIMARY KEY,
    amount_kes   INTEGER NOT NULL CHECK (amount_kes >= 0),
    position     INTEGER NOT NULL
);

-- The access fee per transaction (gazetted Dec 2023): a band applies from min_amount_kes up to the next band.
CREATE TABLE access_fee_bands (
    min_amount_kes INTEGER PRIMARY KEY CHECK (min_amount_kes >= 0),
    fee_kes        INTEGER NOT NULL CHECK (fee_kes >= 0)
);

-- Which version of the demo registry files was loaded, so a restart skips the load when nothing changed.
CREATE TABLE demo_seeds (
    name   TEXT PRIMARY KEY,
    digest TEXT NOT NULL
);
