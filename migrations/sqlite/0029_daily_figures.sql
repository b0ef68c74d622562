-- Issue 29: figures for the public performance page (and the statistics after it), rolled up once a day by the
-- sweep instead of scanning a year of applications on every view. A day is claimed in `daily_rollups` in the
-- transaction that writes its figures, so two server processes never count it twice.
CREATE TABLE daily_rollups (
    day     TEXT PRIMARY KEY,
    made_at BIGINT NOT NULL
);

-- One count of a day: which figure, for which service (or ''), at which centre (or ''), of what (a payment
-- method, a failure code, a bucket of time to complete; or '').
CREATE TABLE daily_figures (
    day     TEXT NOT NULL,
    figure  TEXT NOT NULL,
    service TEXT NOT NULL,
    place   TEXT NOT NULL,
    item    TEXT NOT NULL,
    value   BIGINT NOT NULL,
    PRIMARY KEY (day, figure, service, place, item)
);
CREATE INDEX daily_figures_by_figure ON daily_figures (figure, day);

-- The server's own health records: each process writes the minute it found the database answering. A minute
-- without a row is a minute the service was down (or not yet started: availability counts from the first row).
CREATE TABLE health_minutes (
    minute BIGINT PRIMARY KEY
);

-- What a day's rollup reads, by time.
CREATE INDEX applications_created ON applications (created_at);
CREATE INDEX application_events_status_at ON application_events (status, at);
CREATE INDEX mpesa_requests_settled ON mpesa_requests (settled_at);
CREATE INDEX card_sessions_closed ON card_sessions (closed_at);
