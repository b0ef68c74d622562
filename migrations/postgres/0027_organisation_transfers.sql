-- Issue 28: an organisation sells or buys a vehicle through its people. The seller is a person (by ID number) or
-- an organisation (by KRA PIN; the person who acted is the application's account); so is the buyer, and for an
-- organisation `buyer_account` is whoever of its people answered (empty until then).
ALTER TABLE vehicle_transfers ALTER COLUMN seller_id_number DROP NOT NULL;
ALTER TABLE vehicle_transfers ALTER COLUMN buyer_account DROP NOT NULL;
ALTER TABLE vehicle_transfers ALTER COLUMN buyer_id_number DROP NOT NULL;
ALTER TABLE vehicle_transfers ADD COLUMN seller_kra_pin TEXT REFERENCES organisations (kra_pin);
ALTER TABLE vehicle_transfers ADD COLUMN buyer_kra_pin TEXT REFERENCES organisations (kra_pin);
ALTER TABLE vehicle_transfers ADD CONSTRAINT vehicle_transfers_one_seller
    CHECK ((seller_id_number IS NULL) <> (seller_kra_pin IS NULL));
ALTER TABLE vehicle_transfers ADD CONSTRAINT vehicle_transfers_one_buyer
    CHECK ((buyer_id_number IS NULL) <> (buyer_kra_pin IS NULL));
ALTER TABLE vehicle_transfers ADD CONSTRAINT vehicle_transfers_person_answers
    CHECK (buyer_kra_pin IS NOT NULL OR buyer_account IS NOT NULL);
CREATE INDEX vehicle_transfers_buyer_organisation ON vehicle_transfers (buyer_kra_pin) WHERE buyer_kra_pin IS NOT NULL;
