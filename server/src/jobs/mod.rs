//! The portal's background jobs: the reminders of the yearly obligations and the deletions the
//! retention rules call for. One task per process runs them at start-up and then every
//! `ALARMIS_REMINDER_INTERVAL_MINUTES`; a lease in the database (`job_leases`) lets one
//! process at a time run them, taken over when it expires (a process that died mid-run).

pub mod reminders;
pub mod retention;

use std::time::Duration;

use app::api::backend::StoreError;
use sqlx::AnyPool;

use crate::clock::Clock;
use crate::config::RetentionPolicy;
use crate::documents::DocumentStore;
use crate::mail::Notifier;
use crate::store::job_leases::{claim_lease, release_lease};

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
