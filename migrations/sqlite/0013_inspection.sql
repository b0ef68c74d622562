-- Issue 13: inspection booking. A slot's places are counted in one row, taken by one conditional UPDATE, so no
-- race can book more than its capacity (the CHECK is the last guard).
CREATE TABLE inspection_slots (
    centre   TEXT NOT NULL REFERENCES inspection_centres (code),
    day      TEXT NOT NULL,
    slot     TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    taken    INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
    PRIMARY KEY (centre, day, slot)
);

-- The place an application holds (15 minutes, until payment) or has booked. A lapsed hold, a cancellation or a
-- move gives its place back to the slot in the same transaction.
CREATE TABLE inspection_bookings (
    application_id TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    centre         TEXT NOT NULL,
    day            TEXT NOT NULL,
    slot           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('held', 'booked', 'lapsed', 'cancelled')),
    held_until     INTEGER NOT NULL,
    FOREIGN KEY (centre, day, slot) REFERENCES inspection_slots (centre, day, slot)
);
CREATE INDEX inspection_bookings_slot ON inspection_bookings (centre, day, slot, status);
