-- Issue 9, point 10: identities unique per document type, and the registers of residents, diplomats and
-- directors. The SQLite twin explains each choice.
CREATE TABLE register_residents (
    document_number TEXT PRIMARY KEY,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    nationality     TEXT NOT NULL
);

CREATE TABLE register_diplomats (
    document_number TEXT PRIMARY KEY,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    mission         TEXT NOT NULL
);

CREATE TABLE organisation_directors (
    kra_pin   TEXT NOT NULL REFERENCES organisations (kra_pin),
    id_number TEXT NOT NULL,
    PRIMARY KEY (kra_pin, id_number)
);

ALTER TABLE accounts ADD COLUMN document_type TEXT;
UPDATE accounts SET document_type = CASE account_type
    WHEN 'citizen' THEN 'national_id'
    WHEN 'resident' THEN 'foreigner_certificate'
    WHEN 'diplomat' THEN 'diplomatic_id'
    WHEN 'visitor' THEN 'passport'
    ELSE CASE WHEN id_number ~ '^[0-9]+$' THEN 'national_id' ELSE 'foreigner_certificate' END
END;
ALTER TABLE accounts ALTER COLUMN document_type SET NOT NULL;
ALTER TABLE accounts ADD CONSTRAINT accounts_document_type_check
    CHECK (document_type IN ('national_id', 'foreigner_certificate', 'diplomatic_id', 'passport'));
ALTER TABLE accounts DROP CONSTRAINT accounts_id_number_key;
ALTER TABLE accounts ADD CONSTRAINT accounts_document UNIQUE (document_type, id_number);
