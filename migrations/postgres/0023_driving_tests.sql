-- Issue 28: driving test booking. Test units' slots and bookings have the inspection's shape (one row per slot,
-- taken by one conditional UPDATE; one row per application), so one piece of code books both. A learner has one
-- live place per class (`subject` is `id_number:class`).
CREATE TABLE test_slots (
    centre   TEXT NOT NULL REFERENCES test_units (code),
    day      TEXT NOT NULL,
    slot     TEXT NOT NULL,
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    taken    BIGINT NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
    PRIMARY KEY (centre, day, slot)
);

-- `done`: the result was recorded; `past`: its day went by without one (a learner who missed it books again).
CREATE TABLE test_bookings (
    application_id TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    centre         TEXT NOT NULL,
    day            TEXT NOT NULL,
    slot           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('held', 'booked', 'lapsed', 'cancelled', 'done', 'past')),
    held_until     BIGINT NOT NULL,
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
    passed         BIGINT NOT NULL CHECK (passed IN (0, 1)),
    notes          TEXT NOT NULL,
    valid_until    TEXT,
    recorded_by    TEXT NOT NULL REFERENCES accounts (id),
    recorded_at    BIGINT NOT NULL
);
CREATE INDEX driving_tests_of ON driving_tests (id_number, class);

-- An inspection booked last year no longer blocks this year's: a booking whose day went by becomes `past`.
ALTER TABLE inspection_bookings DROP CONSTRAINT inspection_bookings_status_check;
ALTER TABLE inspection_bookings ADD CONSTRAINT inspection_bookings_status_check
    CHECK (status IN ('held', 'booked', 'lapsed', 'cancelled', 'done', 'past'));
