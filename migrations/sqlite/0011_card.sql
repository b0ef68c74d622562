-- Issue 12: card payments through a hosted checkout. A session is opened when the person chooses to pay by card
-- and closed once by the signed result the checkout sends back: a replayed result finds it closed.
CREATE TABLE card_sessions (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    reference      TEXT NOT NULL,
    amount_kes     INTEGER NOT NULL,
    lang           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('open', 'paid', 'declined')),
    transaction_id TEXT UNIQUE,
    created_at     INTEGER NOT NULL,
    closed_at      INTEGER
);
CREATE INDEX card_sessions_of_application ON card_sessions (application_id, created_at);
