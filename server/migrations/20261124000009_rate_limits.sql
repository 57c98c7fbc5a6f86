-- Rate limits counted in the database, so every server process sees the same counts.
-- One row per (action, who): `who` is a hash of the network address or the person's id, never
-- the address itself. `window_start` is the Unix second the current fixed window began.
CREATE TABLE rate_limits (
    bucket TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);
