-- After connection: the yearly maintenance and transmission test recorded for a connected site
-- (R2005 Art. 8; procedure "Obligations") with their certificates, the reminders they bring,
-- the lease that lets one process at a time send them, the test clock, and the interventions
-- after false alerts with their fees (Art. 12-13).
-- Portable SQL (SQLite and PostgreSQL).
CREATE TABLE site_checks (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES requests (id),
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    kind TEXT NOT NULL CHECK (kind IN ('maintenance', 'transmission_test')),
    -- The day it was done (YYYY-MM-DD).
    done_on TEXT NOT NULL,
    -- The certificate; its bytes live in the object store under `storage_key`.
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES persons (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX site_checks_by_site ON site_checks (site_id, kind, done_on);

-- A reminder's due date, and the key that makes it be written once whichever process, and
-- however many runs, come to it (NULL for other notices: NULLs never collide).
ALTER TABLE espace_notices ADD COLUMN due_on TEXT;
ALTER TABLE espace_notices ADD COLUMN once_key TEXT;
CREATE UNIQUE INDEX espace_notices_once ON espace_notices (once_key);

-- Background jobs: the process holding an unexpired lease runs the job; the others wait.
CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    -- Unix seconds.
    expires_at BIGINT NOT NULL
);
INSERT INTO job_leases (name, holder, expires_at) VALUES ('housekeeping', '', 0);

-- Days added to the clock when ALARMIS_TEST_CLOCK is on (tests only; never read otherwise).
CREATE TABLE test_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    offset_days BIGINT NOT NULL
);
INSERT INTO test_clock (id, offset_days) VALUES (1, 0);

-- Interventions after a false alert (R2005 Art. 12-13), recorded by an agent. Quantities and
-- the price index in force are kept as decimal text (exact); the fee is computed from them.
CREATE TABLE false_alerts (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES requests (id),
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    occurred_on TEXT NOT NULL,
    persons INTEGER NOT NULL,
    hours TEXT NOT NULL,
    kilometres TEXT NOT NULL,
    vehicles INTEGER NOT NULL,
    price_index TEXT NOT NULL,
    total TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES persons (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX false_alerts_by_site ON false_alerts (site_id, occurred_on);
-- A fee's amount in its notice.
ALTER TABLE espace_notices ADD COLUMN amount TEXT;
