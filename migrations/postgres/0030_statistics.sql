-- Issue 29: statistics for supervisors and analysts. A new staff role, analyst, reads the figures and nothing else.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('officer', 'supervisor', 'support', 'administrator', 'analyst'));

-- The county a person lives in, as the population register holds it: expiring licences are counted by county.
ALTER TABLE register_people ADD COLUMN county TEXT;

-- What expires in the next 90 days is read from the registers by date.
CREATE INDEX driving_licences_expiry ON driving_licences (expires_on);
CREATE INDEX vehicles_inspection_due ON vehicles (inspection_due_on);
CREATE INDEX driving_tests_recorded ON driving_tests (recorded_at);
CREATE INDEX inspection_bookings_day ON inspection_bookings (day, status);
