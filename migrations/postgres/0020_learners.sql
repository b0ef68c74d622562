-- Issue 28: from learner to driver. The register's full date of birth: age rules turn on a birthday, not a year.
-- NULL where a register was loaded before the column existed; the rules then take the year's last day, so nobody
-- is found old enough early.
ALTER TABLE register_people ADD COLUMN born_on TEXT;

-- Provisional driving licences (learner's permits) on the register, one row per holder and class: a new one for a
-- class replaces the old (a learner whose permit lapsed applies again). Issued by an officer's approval of a
-- `provisional-dl` application.
CREATE TABLE provisional_licences (
    holder_id_number TEXT NOT NULL REFERENCES register_people (id_number),
    class            TEXT NOT NULL,
    application_id   TEXT NOT NULL REFERENCES applications (id),
    issued_on        TEXT NOT NULL,
    expires_on       TEXT NOT NULL,
    PRIMARY KEY (holder_id_number, class)
);
CREATE INDEX provisional_licences_of_application ON provisional_licences (application_id);
