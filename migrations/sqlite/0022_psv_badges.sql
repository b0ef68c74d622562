-- Issue 28: PSV badges. The register's day each class was first on a person's driving licence (a driver's badge
-- needs a PSV class held three years), and the badges officers issue: one a person and kind, a new one replacing the
-- old.
CREATE TABLE licence_classes (
    holder_id_number TEXT NOT NULL REFERENCES driving_licences (holder_id_number),
    class            TEXT NOT NULL,
    since            TEXT NOT NULL,
    PRIMARY KEY (holder_id_number, class)
);

CREATE TABLE psv_badges (
    holder_id_number TEXT NOT NULL REFERENCES register_people (id_number),
    -- driver or conductor
    kind             TEXT NOT NULL CHECK (kind IN ('driver', 'conductor')),
    application_id   TEXT NOT NULL REFERENCES applications (id),
    issued_on        TEXT NOT NULL,
    expires_on       TEXT NOT NULL,
    PRIMARY KEY (holder_id_number, kind)
);
CREATE INDEX psv_badges_of_application ON psv_badges (application_id);
