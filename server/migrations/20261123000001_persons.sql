-- People who signed in, keyed by their identity provider's issuer and subject.
-- Portable SQL (SQLite and PostgreSQL): ids and timestamps are TEXT (UUID, RFC 3339 UTC).
CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    -- 'fr', 'de' or 'en' once the person chose a language; NULL follows the browser.
    preferred_locale TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (issuer, subject)
);
