-- The Police's back office: who handles a case, the client number a connection approval issues,
-- the exchange between the Police and the applicant (the eSpace's inbox), and the audit trail.
-- Portable SQL (SQLite and PostgreSQL).

-- The agent handling the case since they took it; another agent may take it over.
ALTER TABLE requests ADD COLUMN assigned_to TEXT REFERENCES persons (id);
ALTER TABLE requests ADD COLUMN assigned_at TEXT;
-- Issued once, when a connection request (procedure B) is approved.
ALTER TABLE requests ADD COLUMN client_number TEXT;
-- What the agents' search finds a case by beside the company: the protected site's locality
-- (procedure B) or the letter's (A), copied from the answers at submission.
ALTER TABLE requests ADD COLUMN locality TEXT;
CREATE UNIQUE INDEX requests_by_client_number ON requests (client_number);

-- Client numbers the portal issues. One row, moved forward inside the approving transaction:
-- a number is given once and never again (a rolled-back approval gave nobody its number).
-- Numbers start at AL-700001, above the range of the numbers issued before the portal (which
-- applicants type in procedure A), so the two never meet.
CREATE TABLE client_number_sequence (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_value BIGINT NOT NULL
);
INSERT INTO client_number_sequence (id, last_value) VALUES (1, 700000);

-- Messages of a case, both ways. Those to the applicant are the eSpace's inbox (read once a
-- member opened it); the applicant's answers are read by the agents on the case page.
CREATE TABLE request_messages (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    direction TEXT NOT NULL CHECK (direction IN ('to_applicant', 'from_applicant')),
    kind TEXT NOT NULL CHECK (kind IN ('in_review', 'question', 'answer', 'approved', 'refused')),
    -- What a person wrote: the agent's question or refusal reason, the applicant's answer.
    body TEXT,
    author_id TEXT NOT NULL REFERENCES persons (id),
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX request_messages_by_business ON request_messages (business_id, direction, created_at);
CREATE INDEX request_messages_by_request ON request_messages (request_id, created_at);

-- Who did what, when, to which case. Rows are only ever inserted: the server never updates or
-- deletes them, and a trigger (db.rs, one per engine) refuses both.
CREATE TABLE audit_events (
    id TEXT PRIMARY KEY,
    -- RFC 3339 with microseconds, so the order of events within a second is kept.
    occurred_at TEXT NOT NULL,
    actor_id TEXT REFERENCES persons (id),
    actor_role TEXT NOT NULL CHECK (actor_role IN ('applicant', 'agent')),
    action TEXT NOT NULL,
    request_id TEXT,
    business_id TEXT,
    -- Ids and codes only (a document's id, a status, a client number), never what people typed.
    detail TEXT
);
CREATE INDEX audit_events_by_request ON audit_events (request_id, occurred_at);
CREATE INDEX audit_events_by_time ON audit_events (occurred_at);
