-- Business eSpaces and their members; sessions. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE business_espaces (
    id TEXT PRIMARY KEY,
    company_name TEXT NOT NULL,
    legal_form TEXT NOT NULL,
    rcs_number TEXT NOT NULL,
    seat_street TEXT NOT NULL,
    seat_house_number TEXT NOT NULL,
    seat_postcode TEXT NOT NULL,
    seat_locality TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES persons (id),
    created_at TEXT NOT NULL
);

CREATE TABLE business_members (
    business_id TEXT NOT NULL REFERENCES business_espaces (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    role TEXT NOT NULL CHECK (role IN ('administrator', 'member')),
    joined_at TEXT NOT NULL,
    PRIMARY KEY (business_id, person_id)
);
CREATE INDEX business_members_by_person ON business_members (person_id);

-- tower-sessions records: the id, the JSON data, and the expiry as a Unix timestamp.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
