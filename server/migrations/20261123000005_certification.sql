-- Procedure A (certification of a business eSpace) and the agent's decision on a request.
-- Portable SQL (SQLite and PostgreSQL).
--
-- `requests` gains the decided statuses and the 'certification' procedure. A CHECK constraint
-- cannot be changed in place on SQLite, so the request tables are rebuilt: new tables, rows
-- copied, old tables dropped (children first, so no cascade fires), new tables renamed. Renaming
-- carries the foreign keys along on both engines. The statuses 'in_review' and 'waiting' are the
-- back office's (the next migration need not rebuild again).
CREATE TABLE requests_new (
    id TEXT PRIMARY KEY,
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    procedure_kind TEXT NOT NULL CHECK (procedure_kind IN ('connection', 'certification')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review', 'waiting', 'approved', 'refused')),
    created_by TEXT NOT NULL REFERENCES persons (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    reference TEXT UNIQUE,
    submitted_at TEXT,
    submitted_by TEXT REFERENCES persons (id),
    snapshot TEXT,
    receipt_key TEXT,
    receipt_sha256 TEXT,
    -- Set together, once, by the agent who decides.
    decided_at TEXT,
    decided_by TEXT REFERENCES persons (id),
    refusal_reason TEXT
);
INSERT INTO requests_new (id, business_id, procedure_kind, status, created_by, created_at,
    updated_at, reference, submitted_at, submitted_by, snapshot, receipt_key, receipt_sha256)
SELECT id, business_id, procedure_kind, status, created_by, created_at, updated_at, reference,
    submitted_at, submitted_by, snapshot, receipt_key, receipt_sha256
FROM requests;

CREATE TABLE request_answers_new (
    request_id TEXT NOT NULL REFERENCES requests_new (id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    answers TEXT NOT NULL,
    saved_by TEXT NOT NULL REFERENCES persons (id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (request_id, step)
);
INSERT INTO request_answers_new (request_id, step, answers, saved_by, saved_at)
SELECT request_id, step, answers, saved_by, saved_at FROM request_answers;

CREATE TABLE request_documents_new (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests_new (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES persons (id),
    uploaded_at TEXT NOT NULL
);
INSERT INTO request_documents_new (id, request_id, kind, file_name, content_type, size_bytes,
    sha256, storage_key, uploaded_by, uploaded_at)
SELECT id, request_id, kind, file_name, content_type, size_bytes, sha256, storage_key,
    uploaded_by, uploaded_at
FROM request_documents;

DROP TABLE request_documents;
DROP TABLE request_answers;
DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;
ALTER TABLE request_answers_new RENAME TO request_answers;
ALTER TABLE request_documents_new RENAME TO request_documents;
CREATE INDEX requests_by_business ON requests (business_id, status);
CREATE INDEX requests_by_procedure ON requests (procedure_kind, status, submitted_at);
CREATE INDEX request_documents_by_request ON request_documents (request_id);

-- A certified eSpace carries its ALARMIS client number; one eSpace per client number.
ALTER TABLE business_espaces ADD COLUMN certified_at TEXT;
ALTER TABLE business_espaces ADD COLUMN client_number TEXT;
CREATE UNIQUE INDEX business_espaces_by_client_number ON business_espaces (client_number);

-- The codes sent by post. Only the SHA-256 of a code is kept: the code itself exists in the
-- letter's PDF as it is sent to the agent, nowhere else. Issuing a new letter revokes the
-- request's earlier codes.
CREATE TABLE certification_tokens (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    token_sha256 TEXT NOT NULL UNIQUE,
    letter_language TEXT NOT NULL,
    issued_by TEXT NOT NULL REFERENCES persons (id),
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    posted_at TEXT,
    posted_by TEXT REFERENCES persons (id),
    revoked_at TEXT,
    used_at TEXT,
    used_by TEXT REFERENCES persons (id)
);
CREATE INDEX certification_tokens_by_request ON certification_tokens (request_id, issued_at);

-- Every code typed in an eSpace, right or wrong (never the code itself): the attempt limit
-- counts the wrong ones, and the Police can see them.
CREATE TABLE certification_attempts (
    id TEXT PRIMARY KEY,
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    attempted_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('certified', 'wrong', 'expired', 'used', 'replaced', 'locked'))
);
CREATE INDEX certification_attempts_by_business ON certification_attempts (business_id, attempted_at);
