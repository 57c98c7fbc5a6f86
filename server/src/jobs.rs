//! The portal's background jobs: the reminders of the yearly obligations and the deletions the
//! retention rules call for. One task per process runs them at start-up and then every
//! `ALARMIS_REMINDER_INTERVAL_MINUTES`; a lease in the database (`job_leases`) lets one
//! process at a time run them, taken over when it expires (a process that died mid-run).

use std::time::Duration;

use app::api::backend::StoreError;
use sqlx::AnyPool;

use crate::clock::{unix_now, Clock};
use crate::config::RetentionPolicy;
use crate::documents::DocumentStore;
use crate::espaces::failed;
use crate::mail::Notifier;
use crate::{reminders, retention};

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

async fn release_lease(db: &AnyPool, holder: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE job_leases SET expires_at = 0 WHERE name = $1 AND holder = $2")
        .bind(JOB)
        .bind(holder)
        .execute(db)
        .await
        .map_err(failed)?;
    Ok(())
}

/// What the jobs work with.
#[derive(Clone, Debug)]
pub struct Jobs {
    pub db: AnyPool,
    pub clock: Clock,
    pub notifier: Notifier,
    pub documents: DocumentStore,
    pub retention: RetentionPolicy,
}

impl Jobs {
    /// Every job once: reminders, then the retention rules.
    pub async fn run_once(&self) -> Result<(), StoreError> {
        reminders::run_once(&self.db, &self.clock, &self.notifier).await?;
        retention::run_once(self).await?;
        Ok(())
    }

    /// A run under the lease: `false` when another process holds it.
    pub async fn run_leased(&self, holder: &str) -> Result<bool, StoreError> {
        if !claim_lease(&self.db, holder).await? {
            return Ok(false);
        }
        let result = self.run_once().await;
        release_lease(&self.db, holder).await?;
        result.map(|()| true)
    }

    /// Runs the jobs now and then every `interval`, for as long as the process lives.
    pub fn spawn(self, interval: Duration) {
        let holder = uuid::Uuid::new_v4().to_string();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(interval);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if let Err(error) = self.run_leased(&holder).await {
                    tracing::error!(%error, "background jobs failed");
                }
            }
        });
    }
}
