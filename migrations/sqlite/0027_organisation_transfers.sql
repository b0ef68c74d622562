-- Issue 28: an organisation sells or buys a vehicle through its people. The seller is a person (by ID number) or
-- an organisation (by KRA PIN; the person who acted is the application's account); so is the buyer, and for an
-- organisation `buyer_account` is whoever of its people answered (empty until then). SQLite cannot drop a NOT
-- NULL: the table is rebuilt (nothing references it, so foreign keys may stay on).
CREATE TABLE vehicle_transfers_new (
    application_id   TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    plate            TEXT NOT NULL REFERENCES vehicles (plate),
    seller_id_number TEXT REFERENCES register_people (id_number),
    seller_kra_pin   TEXT REFERENCES organisations (kra_pin),
    buyer_account    TEXT REFERENCES accounts (id) ON DELETE CASCADE,
    buyer_id_number  TEXT REFERENCES register_people (id_number),
    buyer_kra_pin    TEXT REFERENCES organisations (kra_pin),
    status           TEXT NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'lapsed')),
    offered_at       INTEGER NOT NULL,
    deadline         INTEGER NOT NULL,
    decided_at       INTEGER,
    CHECK ((seller_id_number IS NULL) <> (seller_kra_pin IS NULL)),
    CHECK ((buyer_id_number IS NULL) <> (buyer_kra_pin IS NULL)),
    CHECK (buyer_kra_pin IS NOT NULL OR buyer_account IS NOT NULL)
);
INSERT INTO vehicle_transfers_new (application_id, plate, seller_id_number, buyer_account, buyer_id_number, status,
    offered_at, deadline, decided_at)
    SELECT application_id, plate, seller_id_number, buyer_account, buyer_id_number, status, offered_at, deadline,
    decided_at FROM vehicle_transfers;
DROP TABLE vehicle_transfers;
ALTER TABLE vehicle_transfers_new RENAME TO vehicle_transfers;
CREATE UNIQUE INDEX vehicle_transfers_one_offer ON vehicle_transfers (plate) WHERE status = 'offered';
CREATE INDEX vehicle_transfers_buyer ON vehicle_transfers (buyer_account);
CREATE INDEX vehicle_transfers_buyer_organisation ON vehicle_transfers (buyer_kra_pin) WHERE buyer_kra_pin IS NOT NULL;
CREATE INDEX vehicle_transfers_deadline ON vehicle_transfers (deadline) WHERE status = 'offered';
