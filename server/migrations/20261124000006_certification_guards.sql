-- At most one working code per certification request: a second letter issued at the same
-- moment as another cannot leave two live codes behind (partial index: SQLite and PostgreSQL).
CREATE UNIQUE INDEX certification_tokens_one_live
    ON certification_tokens (request_id)
    WHERE revoked_at IS NULL AND used_at IS NULL;
