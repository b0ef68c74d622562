-- Issue 28: smart licence cards. Every card Uraia issues (a first licence after a test, a replacement, a smart
-- renewal), with the classes and expiry printed on it; one current card a holder. A new card replaces the one
-- before, whose slip is then withdrawn with `documents.replaced_by` naming the application that replaced it.
CREATE TABLE smart_cards (
    application_id   TEXT PRIMARY KEY REFERENCES applications (id),
    holder_id_number TEXT NOT NULL REFERENCES register_people (id_number),
    -- the document kind of the card's slip (its application's document of that kind)
    slip_kind        TEXT NOT NULL,
    centre           TEXT NOT NULL,
    classes          TEXT NOT NULL,
    expires_on       TEXT NOT NULL,
    issued_at        INTEGER NOT NULL,
    replaced_by      TEXT REFERENCES applications (id),
    replaced_at      INTEGER
);
CREATE UNIQUE INDEX smart_cards_current ON smart_cards (holder_id_number) WHERE replaced_by IS NULL;

ALTER TABLE documents ADD COLUMN replaced_by TEXT;
