-- Issue 29: statistics for supervisors and analysts. A new staff role, analyst, reads the figures and nothing
-- else (SQLite cannot change a CHECK: the staff table is rebuilt; no table refers to it).
CREATE TABLE staff_new (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'support', 'administrator', 'analyst')),
    centre     TEXT,
    services   TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
INSERT INTO staff_new (account_id, role, centre, services, created_at, updated_at)
SELECT account_id, role, centre, services, created_at, updated_at FROM staff;
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;

-- The county a person lives in, as the population register holds it: expiring licences are counted by county.
ALTER TABLE register_people ADD COLUMN county TEXT;

-- What expires in the next 90 days is read from the registers by date.
CREATE INDEX driving_licences_expiry ON driving_licences (expires_on);
CREATE INDEX vehicles_inspection_due ON vehicles (inspection_due_on);
CREATE INDEX driving_tests_recorded ON driving_tests (recorded_at);
CREATE INDEX inspection_bookings_day ON inspection_bookings (day, status);
