-- Issue 12: the documents issued when an application is paid (a receipt; the service's own, such as the licence
-- renewal slip). The code is what the QR code and the printed short code carry; the details are frozen at issue.
CREATE TABLE documents (
    code           TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('receipt', 'renewal_slip')),
    details        TEXT NOT NULL,
    issued_at      BIGINT NOT NULL,
    revoked_at     BIGINT,
    UNIQUE (application_id, kind)
);
