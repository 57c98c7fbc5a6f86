-- Requests made in a business eSpace (procedure B now; procedure A will share the tables),
-- their saved steps, their documents, and the counters behind their references.
-- Portable SQL (SQLite and PostgreSQL).
CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    procedure_kind TEXT NOT NULL CHECK (procedure_kind IN ('connection')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    created_by TEXT NOT NULL REFERENCES persons (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Set together at submission, in one transaction.
    reference TEXT UNIQUE,
    submitted_at TEXT,
    submitted_by TEXT REFERENCES persons (id),
    -- The request as submitted (JSON): what the receipt and the Police see, whatever changes later.
    snapshot TEXT,
    receipt_key TEXT,
    receipt_sha256 TEXT
);
CREATE INDEX requests_by_business ON requests (business_id, status);

-- One row per completed step: only answers that passed the step's rules (JSON object).
CREATE TABLE request_answers (
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    answers TEXT NOT NULL,
    saved_by TEXT NOT NULL REFERENCES persons (id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (request_id, step)
);

-- Uploaded files: the bytes live in the object store under `storage_key`.
CREATE TABLE request_documents (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES persons (id),
    uploaded_at TEXT NOT NULL
);
CREATE INDEX request_documents_by_request ON request_documents (request_id);

-- The last number given out per year: ALR-2026-000123. Numbers are only drawn by a submission
-- that succeeds, in its transaction, so there are no gaps and no repeats.
CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY,
    last_number BIGINT NOT NULL
);
