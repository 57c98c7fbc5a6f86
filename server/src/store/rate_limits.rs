//! The rate limits' counters (`rate_limits`): one row per action and hashed person or address,
//! counted in fixed windows, so every process sees the same counts.

use app::api::backend::StoreError;
use sqlx::AnyPool;

use crate::store::failed;

/// Counts one attempt in `bucket`'s window starting at `window_start` (a new window starts the
/// count again); the attempts counted in it so far, this one included.
pub async fn count(db: &AnyPool, bucket: &str, window_start: i64) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket) DO UPDATE SET \
           hits = CASE WHEN rate_limits.window_start = excluded.window_start \
                       THEN rate_limits.hits + 1 ELSE 1 END, \
           window_start = excluded.window_start \
         RETURNING hits",
    )
    .bind(bucket)
    .bind(window_start)
    .fetch_one(db)
    .await
    .map_err(failed)
}

/// Forgets the windows that started before `before`.
pub async fn delete_before(db: &AnyPool, before: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
        .bind(before)
        .execute(db)
        .await
        .map(drop)
        .map_err(failed)
}
