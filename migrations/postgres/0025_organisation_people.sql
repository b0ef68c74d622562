-- Issue 28: organisations act through their people. An authorised person adds another by ID number; the
-- invitation waits (14 days) until that person accepts it with a code sent to their phone. One live invitation
-- per person and organisation.
CREATE TABLE organisation_invitations (
    kra_pin    TEXT NOT NULL REFERENCES organisations (kra_pin),
    id_number  TEXT NOT NULL REFERENCES register_people (id_number),
    role       TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    invited_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (kra_pin, id_number)
);
CREATE INDEX organisation_invitations_person ON organisation_invitations (id_number);

-- Who added a person (NULL: a director who linked the organisation when registering).
ALTER TABLE account_organisations ADD COLUMN added_by TEXT REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX account_organisations_organisation ON account_organisations (kra_pin);

-- The organisation an application was made for (its vehicle), by the person whose account made it.
ALTER TABLE applications ADD COLUMN organisation_kra_pin TEXT REFERENCES organisations (kra_pin);
CREATE INDEX applications_organisation ON applications (organisation_kra_pin, created_at)
    WHERE organisation_kra_pin IS NOT NULL;

-- The invited person accepts with a code to their phone.
ALTER TABLE challenges DROP CONSTRAINT challenges_purpose_check;
ALTER TABLE challenges ADD CONSTRAINT challenges_purpose_check
    CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset', 'step_up', 'tims_link', 'transfer_accept',
                       'organisation_join'));
