-- Issue 27: the help desk. A case is opened from "Contact us": signed in, linked to the account and, when chosen,
-- one of its applications; signed out, to an email address or a mobile number. Support agents answer it; the
-- person replies on its page (signed in, or through the link they were sent, whose secret is a keyed hash of the
-- case's id, never stored); a closed case asks once whether it solved the problem.
CREATE TABLE support_cases (
    id             TEXT PRIMARY KEY,
    -- SUP- and 6 characters a person can read out.
    reference      TEXT NOT NULL UNIQUE,
    account_id     TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    application_id TEXT REFERENCES applications (id) ON DELETE SET NULL,
    name           TEXT NOT NULL,
    email          TEXT,
    phone          TEXT,
    language       TEXT NOT NULL,
    topic          TEXT NOT NULL CHECK (topic IN ('application', 'payment', 'account', 'document', 'other')),
    -- open: waits for an agent; answered: waits for the person; closed.
    status         TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    -- The person's answer once closed: 1 solved, 0 not.
    solved         INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    closed_at      INTEGER,
    closed_by      TEXT
);
-- The agents' queue: waiting cases, oldest first, by topic.
CREATE INDEX support_cases_queue ON support_cases (status, topic, updated_at);
CREATE INDEX support_cases_of_account ON support_cases (account_id, created_at);

-- Every message of a case, in order (time-ordered ids); nothing is rendered as markup.
CREATE TABLE support_messages (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES support_cases (id) ON DELETE CASCADE,
    author     TEXT NOT NULL CHECK (author IN ('person', 'agent')),
    agent_id   TEXT,
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX support_messages_of ON support_messages (case_id, id);
