-- Who an application in review waits for: 0 an officer, 1 the applicant (a question asked), 2 another party (a
-- transfer's buyer). Only 0 is in the officers' queue.
ALTER TABLE applications RENAME COLUMN waiting_for_applicant TO waiting_for;
UPDATE applications SET waiting_for = 2
 WHERE status = 'in_review' AND id IN (SELECT application_id FROM vehicle_transfers WHERE status = 'offered');

-- The centre an application is dealt with at (an inspection's centre, a licence's collection centre), set when it
-- is paid; NULL: any centre. An officer at a centre sees its applications and those of no centre.
ALTER TABLE applications ADD COLUMN centre TEXT;
CREATE INDEX applications_queue_centre ON applications (status, waiting_for, centre, updated_at);

-- A status may now be reached again (rejected, corrected, sent again: paid and in review once more): the timeline
-- is kept in the order it happened, not one row per status.
CREATE TABLE application_events_kept (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    status         TEXT NOT NULL,
    at             INTEGER NOT NULL,
    -- Reaching review: whom it waited for (as applications.waiting_for).
    waiting_for    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO application_events_kept (application_id, status, at)
SELECT application_id, status, at FROM application_events
 ORDER BY application_id, at, CASE status WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1 WHEN 'awaiting_payment' THEN 2
          WHEN 'paid' THEN 3 WHEN 'in_review' THEN 4 WHEN 'approved' THEN 5 WHEN 'rejected' THEN 6 ELSE 7 END;
DROP TABLE application_events;
ALTER TABLE application_events_kept RENAME TO application_events;
CREATE INDEX application_events_of ON application_events (application_id, seq);
UPDATE application_events SET waiting_for = 2
 WHERE status = 'in_review' AND application_id IN (SELECT application_id FROM vehicle_transfers);
