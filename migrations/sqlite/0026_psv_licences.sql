-- Issue 28: the PSV road service licence. The register's seat count (passengers' and driver's) sets a PSV's fee
-- band; a vehicle carries the last day of its road service licence; routes are a seeded list.
ALTER TABLE vehicles ADD COLUMN seats INTEGER;
ALTER TABLE vehicles ADD COLUMN psv_licence_expires_on TEXT;
-- The demo register's vehicles loaded before this column: seats by model (new rows bring their own).
UPDATE vehicles SET seats = CASE model
    WHEN 'Hiace' THEN 14 WHEN 'Caravan' THEN 14 WHEN 'NQR' THEN 3 WHEN 'Canter' THEN 3 WHEN 'D-Max' THEN 5
    WHEN 'FRR' THEN 3 WHEN 'Navara' THEN 5 WHEN 'Land Cruiser Prado' THEN 7 WHEN 'Outlander' THEN 7 ELSE 5 END;

CREATE TABLE psv_routes (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    county TEXT NOT NULL
);

CREATE TABLE psv_licences (
    application_id TEXT PRIMARY KEY REFERENCES applications (id),
    plate          TEXT NOT NULL REFERENCES vehicles (plate),
    kra_pin        TEXT NOT NULL REFERENCES organisations (kra_pin),
    route          TEXT NOT NULL REFERENCES psv_routes (code),
    seats          INTEGER NOT NULL,
    starts_on      TEXT NOT NULL,
    expires_on     TEXT NOT NULL,
    issued_at      INTEGER NOT NULL
);
CREATE INDEX psv_licences_plate ON psv_licences (plate, expires_on);
