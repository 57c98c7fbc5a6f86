//! A request's documents: recorded as rows once their bytes are in the document store, listed,
//! found by key for a download, removed from a draft; and the stored receipt.

use app::api::backend::StoreError;
use app::model::connection::{DocumentInfo, DocumentKind};
use app::model::{PersonId, RequestId};
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::SqlRequestStore;
use crate::clock::now_rfc3339;
use crate::store::{corrupt, failed};

/// A document about to be recorded: its bytes are already in the store under `storage_key`.
pub struct NewDocument {
    pub kind: DocumentKind,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: u64,
    pub sha256: String,
    pub storage_key: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Records a document whose bytes are already stored, inside the caller's transaction, whatever
/// the request's status (callers check it): an applicant's answer to the Police adds files to a
/// submitted request.
pub async fn insert_document(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person_id: &PersonId,
    request_id: &RequestId,
    document: &NewDocument,
) -> Result<String, StoreError> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO request_documents (id, request_id, kind, file_name, content_type,
             size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(request_id.as_str())
    .bind(document.kind.code())
    .bind(&document.file_name)
    .bind(&document.content_type)
    .bind(i64::try_from(document.size_bytes).unwrap_or(i64::MAX))
    .bind(&document.sha256)
    .bind(&document.storage_key)
    .bind(person_id.as_str())
    .bind(now_rfc3339())
    .execute(&mut **tx)
    .await
    .map_err(failed)?;
    Ok(id)
}

impl SqlRequestStore {
    pub(super) async fn documents_of(
        &self,
        request_id: &RequestId,
    ) -> Result<Vec<DocumentInfo>, StoreError> {
        sqlx::query(
            "SELECT id, kind, file_name, content_type, size_bytes, sha256, uploaded_at
             FROM request_documents WHERE request_id = $1 ORDER BY uploaded_at, file_name",
        )
        .bind(request_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(|row| {
            let kind: String = row.get("kind");
            Ok(DocumentInfo {
                id: row.get("id"),
                kind: DocumentKind::from_code(&kind)
                    .ok_or_else(|| corrupt("document kind", &kind))?,
                file_name: row.get("file_name"),
                content_type: row.get("content_type"),
                size_bytes: u64::try_from(row.get::<i64, _>("size_bytes")).unwrap_or(0),
                sha256: row.get("sha256"),
                uploaded_at: row.get("uploaded_at"),
            })
        })
        .collect()
    }

    /// The messages of a case, both ways, oldest first.
    /// Records an uploaded document of a draft; `None` when the request is not a draft.
    pub async fn add_document(
        &self,
        person_id: &PersonId,
        request_id: &RequestId,
        document: &NewDocument,
    ) -> Result<Option<String>, StoreError> {
        let mut tx = self.db.begin().await.map_err(failed)?;
        // Touching the request first takes the write lock and proves it is still a draft.
        let draft =
            sqlx::query("UPDATE requests SET updated_at = $1 WHERE id = $2 AND status = 'draft'")
                .bind(now_rfc3339())
                .bind(request_id.as_str())
                .execute(&mut *tx)
                .await
                .map_err(failed)?
                .rows_affected();
        if draft != 1 {
            return Ok(None);
        }
        let id = insert_document(&mut tx, person_id, request_id, document).await?;
        tx.commit().await.map_err(failed)?;
        Ok(Some(id))
    }

    /// The storage key of a document of `request_id`.
    pub async fn document_key(
        &self,
        request_id: &RequestId,
        document_id: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query(
            "SELECT storage_key FROM request_documents WHERE request_id = $1 AND id = $2",
        )
        .bind(request_id.as_str())
        .bind(document_id)
        .fetch_optional(&self.db)
        .await
        .map_err(failed)?
        .map(|row| row.get("storage_key")))
    }

    /// Removes a draft's document; `false` when there is none or the request is submitted.
    pub async fn remove_document(
        &self,
        request_id: &RequestId,
        document_id: &str,
    ) -> Result<bool, StoreError> {
        let Some(key) = self.document_key(request_id, document_id).await? else {
            return Ok(false);
        };
        let removed = sqlx::query(
            "DELETE FROM request_documents WHERE request_id = $1 AND id = $2
               AND EXISTS (SELECT 1 FROM requests WHERE id = $1 AND status = 'draft')",
        )
        .bind(request_id.as_str())
        .bind(document_id)
        .execute(&self.db)
        .await
        .map_err(failed)?
        .rows_affected();
        if removed == 1 {
            // Removing a file is a change to the draft: it puts off its deletion as unused.
            sqlx::query("UPDATE requests SET updated_at = $1 WHERE id = $2 AND status = 'draft'")
                .bind(now_rfc3339())
                .bind(request_id.as_str())
                .execute(&self.db)
                .await
                .map_err(failed)?;
            if let Err(error) = self.documents.delete(&key).await {
                tracing::warn!(%error, "document row removed, its bytes stay in the store");
            }
        }
        Ok(removed == 1)
    }

    /// The stored receipt of a request submitted at some point (whatever its status now).
    pub async fn receipt_key(&self, request_id: &RequestId) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query("SELECT receipt_key FROM requests WHERE id = $1 AND reference IS NOT NULL")
                .bind(request_id.as_str())
                .fetch_optional(&self.db)
                .await
                .map_err(failed)?
                .and_then(|row| row.get::<Option<String>, _>("receipt_key")),
        )
    }
}
