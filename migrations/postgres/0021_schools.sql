-- Issue 28: driving school records. A recognised school (an organisation of kind driving_school) enrols a learner
-- for a class once their provisional licence for it is on the register, records when the course started and marks
-- it complete; a complete course is what the driving test booking asks for. One row a school, learner and class:
-- a learner who changes school is enrolled again there.
CREATE TABLE school_students (
    id                TEXT PRIMARY KEY,
    school_kra_pin    TEXT NOT NULL REFERENCES organisations (kra_pin),
    id_number         TEXT NOT NULL REFERENCES register_people (id_number),
    class             TEXT NOT NULL,
    course_started_on TEXT NOT NULL,
    completed_on      TEXT,
    -- Which of the school's people acted: every record names the person behind it.
    enrolled_by       TEXT NOT NULL REFERENCES accounts (id),
    completed_by      TEXT REFERENCES accounts (id),
    enrolled_at       INTEGER NOT NULL,
    UNIQUE (school_kra_pin, id_number, class)
);
-- A school's list, newest first, in pages.
CREATE INDEX school_students_list ON school_students (school_kra_pin, enrolled_at, id);
-- A learner's courses (the dashboard, the test booking).
CREATE INDEX school_students_learner ON school_students (id_number, class);
