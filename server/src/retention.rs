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
use sqlx::{AnyPool, Row};

use crate::clock::luxembourg_date;
use crate::espaces::failed;
use crate::jobs::Jobs;

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
fn warning_key(request_id: &str, updated_at: &str) -> String {
    format!("draft/{request_id}/{updated_at}")
}

async fn warn_drafts(jobs: &Jobs, now: i64, today: CalendarDate) -> Result<u32, StoreError> {
    let policy = jobs.retention;
    let quiet_since = stamp(now - i64::from(policy.draft_days - policy.draft_warning_days) * DAY);
    let drafts = sqlx::query(
        "SELECT id, business_id, updated_at FROM requests
         WHERE status = 'draft' AND updated_at < $1",
    )
    .bind(&quiet_since)
    .fetch_all(&jobs.db)
    .await
    .map_err(failed)?;
    let mut warned = 0;
    for draft in drafts {
        let id: String = draft.get("id");
        let business_id: String = draft.get("business_id");
        let updated_at: String = draft.get("updated_at");
        let day = deletion_day(
            &updated_at,
            policy.draft_days,
            policy.draft_warning_days,
            today,
        );
        let inserted = sqlx::query(
            "INSERT INTO espace_notices (id, business_id, request_id, kind, due_on, once_key,
                 created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (once_key) DO NOTHING",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(&business_id)
        .bind(&id)
        .bind(NoticeKind::DraftExpiring.code())
        .bind(day.iso())
        .bind(warning_key(&id, &updated_at))
        .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
        .execute(&jobs.db)
        .await
        .map_err(failed)?
        .rows_affected();
        if inserted == 1 {
            warned += 1;
            jobs.notifier.new_message(&business_id);
        }
    }
    Ok(warned)
}

/// Storage keys of a request's files (documents and receipt), to delete after its row.
async fn files_of(db: &AnyPool, request_id: &str) -> Result<Vec<String>, StoreError> {
    let mut keys: Vec<String> =
        sqlx::query("SELECT storage_key FROM request_documents WHERE request_id = $1")
            .bind(request_id)
            .fetch_all(db)
            .await
            .map_err(failed)?
            .iter()
            .map(|row| row.get("storage_key"))
            .collect();
    let receipt: Option<String> = sqlx::query("SELECT receipt_key FROM requests WHERE id = $1")
        .bind(request_id)
        .fetch_optional(db)
        .await
        .map_err(failed)?
        .and_then(|row| row.get("receipt_key"));
    keys.extend(receipt);
    Ok(keys)
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
    let due = sqlx::query(
        "SELECT r.id, r.business_id, r.updated_at FROM espace_notices n
         JOIN requests r ON r.id = n.request_id
         WHERE n.kind = $1 AND r.status = 'draft' AND n.due_on <= $2 AND r.updated_at < $3
           AND n.once_key = 'draft/' || r.id || '/' || r.updated_at",
    )
    .bind(NoticeKind::DraftExpiring.code())
    .bind(today.iso())
    .bind(&expired_before)
    .fetch_all(&jobs.db)
    .await
    .map_err(failed)?;
    let mut deleted = 0;
    for draft in due {
        let id: String = draft.get("id");
        let business_id: String = draft.get("business_id");
        let updated_at: String = draft.get("updated_at");
        let keys = files_of(&jobs.db, &id).await?;
        let mut tx = jobs.db.begin().await.map_err(failed)?;
        // Unchanged since it was read: a step saved at this very moment keeps the draft.
        let gone = sqlx::query(
            "DELETE FROM requests WHERE id = $1 AND status = 'draft' AND updated_at = $2",
        )
        .bind(&id)
        .bind(&updated_at)
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
        if gone != 1 {
            continue;
        }
        sqlx::query(
            "INSERT INTO espace_notices (id, business_id, kind, due_on, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(&business_id)
        .bind(NoticeKind::DraftDeleted.code())
        .bind(luxembourg_date(unix_of(&updated_at)).iso())
        .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        tx.commit().await.map_err(failed)?;
        delete_files(jobs, keys).await;
        deleted += 1;
    }
    Ok(deleted)
}

/// Refused requests decided before `before` (`YYYY-MM-DD`).
async fn delete_refused(jobs: &Jobs, before: &str) -> Result<u32, StoreError> {
    let ids: Vec<String> =
        sqlx::query("SELECT id FROM requests WHERE status = 'refused' AND decided_at < $1")
            .bind(before)
            .fetch_all(&jobs.db)
            .await
            .map_err(failed)?
            .iter()
            .map(|row| row.get("id"))
            .collect();
    let mut deleted = 0;
    for id in ids {
        let keys = files_of(&jobs.db, &id).await?;
        let mut tx = jobs.db.begin().await.map_err(failed)?;
        // A refused certification never had a live code, but its rows would block the delete.
        sqlx::query("DELETE FROM certification_tokens WHERE request_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await
            .map_err(failed)?;
        let gone = sqlx::query("DELETE FROM requests WHERE id = $1 AND status = 'refused'")
            .bind(&id)
            .execute(&mut *tx)
            .await
            .map_err(failed)?
            .rows_affected();
        tx.commit().await.map_err(failed)?;
        if gone == 1 {
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
