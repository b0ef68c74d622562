-- Issue 26: NTSA's staff (a role given to an existing account, never through the public wizard), the claim an officer
-- holds on an application while deciding it, and the append-only audit log of every staff action.

CREATE TABLE staff (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'support', 'administrator')),
    -- An officer's centre (NULL: every centre) and services (comma-separated codes; '': every service).
    centre     TEXT,
    services   TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Opening an application to decide claims it for 30 minutes (a conditional UPDATE); the decision names its officer.
ALTER TABLE applications ADD COLUMN claimed_by TEXT;
ALTER TABLE applications ADD COLUMN claimed_until BIGINT;
ALTER TABLE applications ADD COLUMN decided_by TEXT;

-- An officer's question and the applicant's answer. While one is open the application waits for the applicant
-- (out of the queue); one open question at a time.
CREATE TABLE application_questions (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    asked_by       TEXT NOT NULL,
    question       TEXT NOT NULL,
    asked_at       BIGINT NOT NULL,
    answer         TEXT,
    answered_at    BIGINT
);
CREATE INDEX application_questions_of ON application_questions (application_id, asked_at);
CREATE UNIQUE INDEX application_questions_open ON application_questions (application_id) WHERE answered_at IS NULL;
ALTER TABLE applications ADD COLUMN waiting_for_applicant INTEGER NOT NULL DEFAULT 0;
-- The queue, oldest first (an application's updated_at is when it reached review): walked in order, and counted
-- per service from the index alone.
CREATE INDEX applications_queue ON applications (status, waiting_for_applicant, updated_at);
CREATE INDEX applications_queue_counts ON applications (status, waiting_for_applicant, service, updated_at);

-- Every notice a person was sent (payments, decisions, questions, transfers), kept for their "Messages" after the
-- outbox that delivered it is emptied.
CREATE TABLE notices (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX notices_of ON notices (account_id, created_at);

-- Who did what, when, from where, before and after. Rows are only ever added: the database refuses the rest.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    actor_email TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    client      TEXT NOT NULL DEFAULT '',
    before      TEXT NOT NULL DEFAULT '',
    after       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
-- TRUNCATE skips row triggers: refuse it too.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
