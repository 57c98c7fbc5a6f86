//! How long the portal keeps what it holds (the privacy notice says the same):
//!
//! - a **draft** nobody changed for `ALARMIS_DRAFT_EXPIRY_DAYS` is deleted with its answers and
//!   documents, after a notice in the eSpace's inbox `ALARMIS_DRAFT_WARNING_DAYS` before (a
//!   change to the draft in between starts the count again);
//! - a **refused** request is deleted `ALARMIS_REFUSED_RETENTION_YEARS` after its decision,
//!   with its answers, documents, receipt and messages. Approved requests stay: a connection
//!   request is its site's record, a certification its eSpace's proof.
//!
//! The audit trail keeps its rows (ids and codes only, never what people typed): it is the
//! Police's record of who did what, and the database refuses to delete from it.

use app::api::backend::StoreError;
use app::model::after_connection::NoticeKind;
use app::model::CalendarDate;
use app::model::RequestId;

use super::Jobs;
use crate::clock::luxembourg_date;
use crate::store::inbox::{self, NewNotice};
use crate::store::retention;

const DAY: i64 = 86_400;

fn stamp(unix_seconds: i64) -> String {
    chrono::DateTime::from_timestamp(unix_seconds, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn unix_of(stamp: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(stamp)
        .map(|t| t.timestamp())
        .unwrap_or(0)
}

/// The day a draft last changed on `updated_at` is deleted, as its warning says: its expiry,
/// or `warning_days` after `today` when the warning comes late (the portal was down), so that
/// every warning gives its full notice.
pub fn deletion_day(
    updated_at: &str,
    expiry_days: u32,
    warning_days: u32,
    today: CalendarDate,
) -> CalendarDate {
    let expires = luxembourg_date(unix_of(updated_at) + i64::from(expiry_days) * DAY);
    expires.max(today.add_days(i64::from(warning_days)))
}

/// What one run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RetentionRun {
    pub warned: u32,
    pub drafts_deleted: u32,
    pub refused_deleted: u32,
}

pub async fn run_once(jobs: &Jobs) -> Result<RetentionRun, StoreError> {
    let now = jobs.clock.now_unix().await?;
    let today = luxembourg_date(now);
    let policy = jobs.retention;
    let mut run = RetentionRun {
        warned: warn_drafts(jobs, now, today).await?,
        ..RetentionRun::default()
    };
    run.drafts_deleted = delete_drafts(jobs, now, today).await?;
    let before = CalendarDate {
        year: today.year - i32::try_from(policy.refused_years).unwrap_or(i32::MAX),
        ..today
    };
    run.refused_deleted = delete_refused(jobs, &before.iso()).await?;
    if run != RetentionRun::default() {
        tracing::info!(?run, "retention run");
    }
    Ok(run)
}

/// The key of a draft's warning: a change to the draft makes a new one.
fn warning_key(request_id: &RequestId, updated_at: &str) -> String {
    format!("draft/{request_id}/{updated_at}")
}

async fn warn_drafts(jobs: &Jobs, now: i64, today: CalendarDate) -> Result<u32, StoreError> {
    let policy = jobs.retention;
    let quiet_since = stamp(now - i64::from(policy.draft_days - policy.draft_warning_days) * DAY);
    let mut warned = 0;
    for draft in retention::drafts_unchanged_since(&jobs.db, &quiet_since).await? {
        let day = deletion_day(
            &draft.updated_at,
            policy.draft_days,
            policy.draft_warning_days,
            today,
        );
        let notice = NewNotice {
            business_id: &draft.business_id,
            request_id: Some(&draft.id),
            kind: NoticeKind::DraftExpiring,
            due_on: day,
            once_key: Some(warning_key(&draft.id, &draft.updated_at)),
        };
        if inbox::add_notice(&jobs.db, notice).await? {
            warned += 1;
            jobs.notifier.new_message(&draft.business_id);
        }
    }
    Ok(warned)
}

async fn delete_files(jobs: &Jobs, keys: Vec<String>) {
    for key in keys {
        if let Err(error) = jobs.documents.delete(&key).await {
            tracing::warn!(%error, "a deleted request's file stays in the store");
        }
    }
}

/// Drafts whose warning's day has come, that did not change since the warning, and that are
/// past the expiry configured now (a longer one set since the warning keeps them).
async fn delete_drafts(jobs: &Jobs, now: i64, today: CalendarDate) -> Result<u32, StoreError> {
    let expired_before = stamp(now - i64::from(jobs.retention.draft_days) * DAY);
    let mut deleted = 0;
    for draft in retention::warned_drafts_due(&jobs.db, today, &expired_before).await? {
        let keys = retention::files_of(&jobs.db, &draft.id).await?;
        let gone_notice = NewNotice {
            business_id: &draft.business_id,
            request_id: None,
            kind: NoticeKind::DraftDeleted,
            due_on: luxembourg_date(unix_of(&draft.updated_at)),
            once_key: None,
        };
        if retention::delete_unchanged_draft(&jobs.db, &draft, gone_notice).await? {
            delete_files(jobs, keys).await;
            deleted += 1;
        }
    }
    Ok(deleted)
}

/// Refused requests decided before `before` (`YYYY-MM-DD`).
async fn delete_refused(jobs: &Jobs, before: &str) -> Result<u32, StoreError> {
    let mut deleted = 0;
    for id in retention::refused_before(&jobs.db, before).await? {
        let keys = retention::files_of(&jobs.db, &id).await?;
        if retention::delete_refused(&jobs.db, &id).await? {
            delete_files(jobs, keys).await;
            deleted += 1;
        }
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    #[test]
    fn a_draft_is_deleted_at_its_expiry_or_a_full_notice_after_a_late_warning() {
        // Last changed 1 June (summer, 12:00 UTC); 180 days later is 28 November.
        let updated = "2026-06-01T12:00:00Z";
        assert_eq!(
            deletion_day(updated, 180, 14, date(2026, 11, 14)),
            date(2026, 11, 28)
        );
        // The portal was down: warned on 25 November, the draft gets its 14 days.
        assert_eq!(
            deletion_day(updated, 180, 14, date(2026, 11, 25)),
            date(2026, 12, 9)
        );
    }
}
