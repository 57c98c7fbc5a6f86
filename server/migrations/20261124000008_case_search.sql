-- What the agents' search looks in, lower-cased by the server at submission (reference, company,
-- RCS number, locality): Rust folds every letter ("Überwachung" is found by "über"), where
-- SQLite's LOWER() folds ASCII only. Requests submitted before have none; the search falls
-- back to the columns themselves for them.
ALTER TABLE requests ADD COLUMN search_text TEXT;
