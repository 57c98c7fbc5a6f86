-- A false alert's cause (R2005 Art. 12; NULL for those recorded before it was asked) and the
-- life of its fee (Art. 13): charged, contested by the beneficiary with a reason, then
-- confirmed (with the Police's reasons) or cancelled by an agent.
-- Portable SQL (SQLite and PostgreSQL).
ALTER TABLE false_alerts ADD COLUMN cause TEXT;
ALTER TABLE false_alerts ADD COLUMN fee_status TEXT NOT NULL DEFAULT 'charged';
ALTER TABLE false_alerts ADD COLUMN contest_reason TEXT;
ALTER TABLE false_alerts ADD COLUMN contested_by TEXT REFERENCES persons (id);
ALTER TABLE false_alerts ADD COLUMN contested_at TEXT;
ALTER TABLE false_alerts ADD COLUMN decision_note TEXT;
ALTER TABLE false_alerts ADD COLUMN decided_by TEXT REFERENCES persons (id);
ALTER TABLE false_alerts ADD COLUMN decided_at TEXT;
