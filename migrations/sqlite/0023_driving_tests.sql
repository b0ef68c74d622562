-- Issue 28: driving test booking. Test units' slots and bookings have the inspection's shape (one row per slot,
-- taken by one conditional UPDATE; one row per application), so one piece of code books both. A learner has one
-- live place per class (`subject` is `id_number:class`).
CREATE TABLE test_slots (
    centre   TEXT NOT NULL REFERENCES test_units (code),
    day      TEXT NOT NULL,
    slot     TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    taken    INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
    PRIMARY KEY (centre, day, slot)
);

-- `done`: the result was recorded; `past`: its day went by without one (a learner who missed it books again).
CREATE TABLE test_bookings (
    application_id TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    centre         TEXT NOT NULL,
    day            TEXT NOT NULL,
    slot           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('held', 'booked', 'lapsed', 'cancelled', 'done', 'past')),
    held_until     INTEGER NOT NULL,
    subject        TEXT,
    FOREIGN KEY (centre, day, slot) REFERENCES test_slots (centre, day, slot)
);
CREATE INDEX test_bookings_slot ON test_bookings (centre, day, slot, status);
CREATE UNIQUE INDEX test_bookings_one_per_subject ON test_bookings (subject) WHERE status IN ('held', 'booked');

-- The result an officer at the unit recorded, once per booking. A pass is the certificate of competence the first
-- smart licence asks for, valid three months from the test.
CREATE TABLE driving_tests (
    application_id TEXT PRIMARY KEY REFERENCES applications (id),
    id_number      TEXT NOT NULL,
    class          TEXT NOT NULL,
    unit           TEXT NOT NULL REFERENCES test_units (code),
    day            TEXT NOT NULL,
    passed         INTEGER NOT NULL CHECK (passed IN (0, 1)),
    notes          TEXT NOT NULL,
    valid_until    TEXT,
    recorded_by    TEXT NOT NULL REFERENCES accounts (id),
    recorded_at    INTEGER NOT NULL
);
CREATE INDEX driving_tests_of ON driving_tests (id_number, class);

-- An inspection booked last year no longer blocks this year's: a booking whose day went by becomes `past` (the
-- status CHECK widens; SQLite rebuilds the table, which nothing references).
CREATE TABLE inspection_bookings_new (
    application_id TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    centre         TEXT NOT NULL,
    day            TEXT NOT NULL,
    slot           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('held', 'booked', 'lapsed', 'cancelled', 'done', 'past')),
    held_until     INTEGER NOT NULL,
    plate          TEXT,
    FOREIGN KEY (centre, day, slot) REFERENCES inspection_slots (centre, day, slot)
);
INSERT INTO inspection_bookings_new (application_id, centre, day, slot, status, held_until, plate)
SELECT application_id, centre, day, slot, status, held_until, plate FROM inspection_bookings;
DROP TABLE inspection_bookings;
ALTER TABLE inspection_bookings_new RENAME TO inspection_bookings;
CREATE INDEX inspection_bookings_slot ON inspection_bookings (centre, day, slot, status);
CREATE UNIQUE INDEX inspection_bookings_one_per_vehicle ON inspection_bookings (plate) WHERE status IN ('held', 'booked');
