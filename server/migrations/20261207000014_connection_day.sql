-- Approval is not connection (DOMAIN.md, "After connection"): POST Luxembourg connects the line
-- and a first transmission test follows. The day an agent records for it, from which the yearly
-- maintenance and transmission test count; NULL while the approved site waits for its line.
-- Sites approved before this migration wait too: an agent records their day, as for new ones.
-- Portable SQL (SQLite and PostgreSQL).
ALTER TABLE requests ADD COLUMN connected_on TEXT;
ALTER TABLE requests ADD COLUMN connection_recorded_by TEXT REFERENCES persons (id);
ALTER TABLE requests ADD COLUMN connection_recorded_at TEXT;
