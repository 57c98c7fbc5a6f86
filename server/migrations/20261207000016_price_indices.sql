-- The weighted cost-of-living index (R2005 Art. 13: amounts at index 100 of 1 January 1948),
-- each value with the day it came into force, entered by an agent (audited). A false alert's
-- fee uses the value in force on the alert's day; a day before every entry, the configured
-- one (ALARMIS_PRICE_INDEX). The fee keeps the value it used and that value's day.
-- Portable SQL (SQLite and PostgreSQL).
CREATE TABLE price_indices (
    valid_from TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    entered_by TEXT NOT NULL REFERENCES persons (id),
    entered_at TEXT NOT NULL
);
ALTER TABLE false_alerts ADD COLUMN index_from TEXT;
