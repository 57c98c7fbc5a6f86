//! The background jobs' lease (`job_leases`): one process at a time runs them; a lease not
//! given back (a process that died mid-run) is taken over once it expires.

use app::api::backend::StoreError;
use sqlx::AnyPool;

use crate::clock::unix_now;
use crate::store::failed;

const JOB: &str = "housekeeping";

/// How long a run may take before another process may take over.
const LEASE_SECONDS: i64 = 300;

/// Takes the jobs' lease for `holder` if nobody holds an unexpired one.
pub async fn claim_lease(db: &AnyPool, holder: &str) -> Result<bool, StoreError> {
    let now = unix_now();
    let taken = sqlx::query(
        "UPDATE job_leases SET holder = $1, expires_at = $2
         WHERE name = $3 AND (expires_at < $4 OR holder = $1)",
    )
    .bind(holder)
    .bind(now + LEASE_SECONDS)
    .bind(JOB)
    .bind(now)
    .execute(db)
    .await
    .map_err(failed)?
    .rows_affected();
    Ok(taken == 1)
}

pub async fn release_lease(db: &AnyPool, holder: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE job_leases SET expires_at = 0 WHERE name = $1 AND holder = $2")
        .bind(JOB)
        .bind(holder)
        .execute(db)
        .await
        .map_err(failed)?;
    Ok(())
}
