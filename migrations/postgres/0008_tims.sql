-- Issue 11: codes gain the purpose 'tims_link' (a code to the phone on a legacy TIMS record).
ALTER TABLE challenges DROP CONSTRAINT challenges_purpose_check;
ALTER TABLE challenges ADD CONSTRAINT challenges_purpose_check
    CHECK (purpose IN ('verify_email', 'verify_phone', 'sign_in', 'reset', 'step_up', 'tims_link'));
