-- After connection: the changes an applicant reports to a connected site (R2005 Art. 11) and
-- the notices about its sites in the eSpace's inbox. A connected site is its approved
-- connection request (procedure B): `site_id` is that request's id.
-- Portable SQL (SQLite and PostgreSQL).
CREATE TABLE site_changes (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES requests (id),
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    part TEXT NOT NULL CHECK (part IN ('contacts', 'owner', 'installer', 'alarm_centre')),
    -- The part's new values (JSON), checked by the step's rules when they were sent.
    proposed TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'refused')),
    submitted_by TEXT NOT NULL REFERENCES persons (id),
    -- RFC 3339 with microseconds: accepted changes apply in this order.
    submitted_at TEXT NOT NULL,
    decided_by TEXT REFERENCES persons (id),
    decided_at TEXT,
    refusal_reason TEXT
);
CREATE INDEX site_changes_by_site ON site_changes (site_id, submitted_at);
-- One report of a part waits at a time: a second would cross the first.
CREATE UNIQUE INDEX site_changes_one_pending ON site_changes (site_id, part)
    WHERE status = 'submitted';

-- The inbox's notices about a connected site or a draft, rather than a request's case: the
-- decision on a change report, reminders, a fee, a draft about to be deleted. `request_id` is
-- the site's (its approved request) or the draft's; it is emptied when that request is deleted
-- (a draft left untouched, a decided case past its retention) and the notice stays.
CREATE TABLE espace_notices (
    id TEXT PRIMARY KEY,
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    request_id TEXT REFERENCES requests (id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    -- What a person wrote (a refusal's reason).
    body TEXT,
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX espace_notices_by_business ON espace_notices (business_id, created_at);
