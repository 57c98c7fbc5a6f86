-- The language a person chose (fr, de, en), so that it follows them to another browser or
-- device after sign-in; NULL until they choose one.
ALTER TABLE persons ADD COLUMN locale TEXT;
