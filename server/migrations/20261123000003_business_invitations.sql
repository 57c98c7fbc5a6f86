-- Invitations to join a business eSpace: a one-time link an administrator passes on. Only a
-- hash of the token is kept, so the table does not let anyone join.
CREATE TABLE business_invitations (
    token_hash TEXT PRIMARY KEY,
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    created_by TEXT NOT NULL REFERENCES persons (id),
    created_at TEXT NOT NULL,
    -- Unix seconds.
    expires_at BIGINT NOT NULL,
    accepted_by TEXT REFERENCES persons (id),
    accepted_at TEXT
);
