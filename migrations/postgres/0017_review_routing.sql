-- Who an application in review waits for: 0 an officer, 1 the applicant (a question asked), 2 another party (a
-- transfer's buyer). Only 0 is in the officers' queue.
ALTER TABLE applications RENAME COLUMN waiting_for_applicant TO waiting_for;
ALTER TABLE applications ALTER COLUMN waiting_for TYPE BIGINT;
UPDATE applications SET waiting_for = 2
 WHERE status = 'in_review' AND id IN (SELECT application_id FROM vehicle_transfers WHERE status = 'offered');

-- The centre an application is dealt with at (an inspection's centre, a licence's collection centre), set when it
-- is paid; NULL: any centre. An officer at a centre sees its applications and those of no centre.
ALTER TABLE applications ADD COLUMN centre TEXT;
CREATE INDEX applications_queue_centre ON applications (status, waiting_for, centre, updated_at);

-- A status may now be reached again (rejected, corrected, sent again: paid and in review once more): the timeline
-- is kept in the order it happened, not one row per status.
ALTER TABLE application_events DROP CONSTRAINT application_events_pkey;
ALTER TABLE application_events ADD COLUMN seq BIGSERIAL PRIMARY KEY;
-- Reaching review: whom it waited for (as applications.waiting_for).
ALTER TABLE application_events ADD COLUMN waiting_for BIGINT NOT NULL DEFAULT 0;
UPDATE application_events SET waiting_for = 2
 WHERE status = 'in_review' AND application_id IN (SELECT application_id FROM vehicle_transfers);
CREATE INDEX application_events_of ON application_events (application_id, seq);
