//! What the retention rules (`jobs::retention`) read and delete: drafts nobody changed, the
//! warning's due drafts, refused requests past their period, and the files to remove after a
//! request's rows.

use app::api::backend::StoreError;
use app::model::after_connection::NoticeKind;
use app::model::CalendarDate;
use app::model::{BusinessId, RequestId};
use sqlx::{AnyPool, Row};

use crate::store::failed;
use crate::store::inbox::{self, NewNotice};

/// A draft as the retention rules see it.
pub struct Draft {
    pub id: RequestId,
    pub business_id: BusinessId,
    /// When a step was last saved (RFC 3339): the warning's key, and the delete's guard.
    pub updated_at: String,
}

fn draft_of(row: &sqlx::any::AnyRow) -> Draft {
    Draft {
        id: RequestId::new(row.get::<String, _>("id")),
        business_id: BusinessId::new(row.get::<String, _>("business_id")),
        updated_at: row.get("updated_at"),
    }
}

/// Drafts not changed since `since` (RFC 3339).
pub async fn drafts_unchanged_since(db: &AnyPool, since: &str) -> Result<Vec<Draft>, StoreError> {
    Ok(sqlx::query(
        "SELECT id, business_id, updated_at FROM requests
         WHERE status = 'draft' AND updated_at < $1",
    )
    .bind(since)
    .fetch_all(db)
    .await
    .map_err(failed)?
    .iter()
    .map(draft_of)
    .collect())
}

/// Drafts warned about whose deletion day has come by `today`, unchanged since the warning
/// (its key names the draft's `updated_at`) and not changed since `expired_before`.
pub async fn warned_drafts_due(
    db: &AnyPool,
    today: CalendarDate,
    expired_before: &str,
) -> Result<Vec<Draft>, StoreError> {
    Ok(sqlx::query(
        "SELECT r.id, r.business_id, r.updated_at FROM espace_notices n
         JOIN requests r ON r.id = n.request_id
         WHERE n.kind = $1 AND r.status = 'draft' AND n.due_on <= $2 AND r.updated_at < $3
           AND n.once_key = 'draft/' || r.id || '/' || r.updated_at",
    )
    .bind(NoticeKind::DraftExpiring.code())
    .bind(today.iso())
    .bind(expired_before)
    .fetch_all(db)
    .await
    .map_err(failed)?
    .iter()
    .map(draft_of)
    .collect())
}

/// Deletes the draft if it is unchanged since it was read (a step saved at this very moment
/// keeps it), and writes `notice` in the same transaction; whether it was deleted.
pub async fn delete_unchanged_draft(
    db: &AnyPool,
    draft: &Draft,
    notice: NewNotice<'_>,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await.map_err(failed)?;
    let gone =
        sqlx::query("DELETE FROM requests WHERE id = $1 AND status = 'draft' AND updated_at = $2")
            .bind(draft.id.as_str())
            .bind(&draft.updated_at)
            .execute(&mut *tx)
            .await
            .map_err(failed)?
            .rows_affected();
    if gone != 1 {
        return Ok(false);
    }
    inbox::add_notice(&mut *tx, notice).await?;
    tx.commit().await.map_err(failed)?;
    Ok(true)
}

/// Ids of the refused requests decided before `before` (`YYYY-MM-DD`).
pub async fn refused_before(db: &AnyPool, before: &str) -> Result<Vec<RequestId>, StoreError> {
    Ok(
        sqlx::query("SELECT id FROM requests WHERE status = 'refused' AND decided_at < $1")
            .bind(before)
            .fetch_all(db)
            .await
            .map_err(failed)?
            .iter()
            .map(|row| RequestId::new(row.get::<String, _>("id")))
            .collect(),
    )
}

/// Deletes a refused request with its rows; whether it was still there to delete.
pub async fn delete_refused(db: &AnyPool, request_id: &RequestId) -> Result<bool, StoreError> {
    let mut tx = db.begin().await.map_err(failed)?;
    // A refused certification never had a live code, but its rows would block the delete.
    sqlx::query("DELETE FROM certification_tokens WHERE request_id = $1")
        .bind(request_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
    let gone = sqlx::query("DELETE FROM requests WHERE id = $1 AND status = 'refused'")
        .bind(request_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
    tx.commit().await.map_err(failed)?;
    Ok(gone == 1)
}

/// Storage keys of a request's files (documents and receipt), to delete after its row.
pub async fn files_of(db: &AnyPool, request_id: &RequestId) -> Result<Vec<String>, StoreError> {
    let mut keys: Vec<String> =
        sqlx::query("SELECT storage_key FROM request_documents WHERE request_id = $1")
            .bind(request_id.as_str())
            .fetch_all(db)
            .await
            .map_err(failed)?
            .iter()
            .map(|row| row.get("storage_key"))
            .collect();
    let receipt: Option<String> = sqlx::query("SELECT receipt_key FROM requests WHERE id = $1")
        .bind(request_id.as_str())
        .fetch_optional(db)
        .await
        .map_err(failed)?
        .and_then(|row| row.get("receipt_key"));
    keys.extend(receipt);
    Ok(keys)
}
