-- Issue 13: vehicle registration. A document's kind decodes through `Kind::parse`, so the column no longer lists
-- the kinds (on SQLite that list could only change by rebuilding the table for every service's document).
ALTER TABLE documents DROP CONSTRAINT documents_kind_check;

-- What the register records of a vehicle registered here (the demo register's vehicles predate it).
ALTER TABLE vehicles ADD COLUMN body_type TEXT;
ALTER TABLE vehicles ADD COLUMN colour TEXT;
ALTER TABLE vehicles ADD COLUMN customs_entry TEXT;
CREATE UNIQUE INDEX vehicles_customs_entry ON vehicles (customs_entry);

-- A registration's claim on its customs entry and chassis number, from the step that names them: two
-- applications can never name one vehicle. The plate is set on approval.
CREATE TABLE vehicle_registrations (
    application_id TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    customs_entry  TEXT NOT NULL UNIQUE,
    chassis_number TEXT NOT NULL UNIQUE,
    plate          TEXT UNIQUE
);

-- Where each series has reached: plates are issued in order from `first_prefix` (`KDZ 001A`, `KDZ 002A`, ...).
CREATE TABLE plate_series (
    series       TEXT PRIMARY KEY,
    first_prefix TEXT NOT NULL,
    issued       BIGINT NOT NULL CHECK (issued >= 0)
);
INSERT INTO plate_series (series, first_prefix, issued) VALUES ('vehicle', 'KDZ', 0), ('motorcycle', 'KMGZ', 0);

-- Issue 13, copy of records: what stands against a vehicle (a financier's interest in it, a police or court hold).
CREATE TABLE vehicle_caveats (
    plate    TEXT NOT NULL REFERENCES vehicles (plate),
    kind     TEXT NOT NULL CHECK (kind IN ('financier', 'police', 'court')),
    party    TEXT NOT NULL,
    noted_on TEXT NOT NULL,
    PRIMARY KEY (plate, kind)
);
