//! Connection requests in the database: the server's side of `app::api::backend::RequestStore`,
//! plus what only the server's own routes need (documents, receipts).

use std::collections::BTreeMap;

use app::api::backend::{NewRequest, RequestStore, StoreError, Submission};
use app::i18n::Locale;
use app::model::case::{AuditAction, CaseMessage};
use app::model::connection::{DocumentInfo, DocumentKind};
use app::model::request::Decision;
use app::model::{
    Procedure, ProcedureRequest, RequestStatus, RequestSummary, StepValues, WizardStep,
};
use bytes::Bytes;
use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row};

use crate::clock::now_rfc3339;
use crate::documents::DocumentStore;
use crate::receipt;
use crate::store::audit::{self, Event};
use crate::store::espaces::{details_from_row, is_member, member_condition};
use crate::store::{corrupt, failed};

#[derive(Clone, Debug)]
pub struct SqlRequestStore {
    db: AnyPool,
    documents: DocumentStore,
}

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

/// What a case is found by in the agents' queue (`store::cases`): lower-cased here, in every
/// alphabet, and stored at submission.
pub fn search_text(parts: &[&str]) -> String {
    parts.join(" ").to_lowercase()
}

/// Records a document whose bytes are already stored, inside the caller's transaction, whatever
/// the request's status (callers check it): an applicant's answer to the Police adds files to a
/// submitted request.
pub async fn insert_document(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person_id: &str,
    request_id: &str,
    document: &NewDocument,
) -> Result<String, StoreError> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO request_documents (id, request_id, kind, file_name, content_type,
             size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(request_id)
    .bind(document.kind.code())
    .bind(&document.file_name)
    .bind(&document.content_type)
    .bind(i64::try_from(document.size_bytes).unwrap_or(i64::MAX))
    .bind(&document.sha256)
    .bind(&document.storage_key)
    .bind(person_id)
    .bind(now_rfc3339())
    .execute(&mut **tx)
    .await
    .map_err(failed)?;
    Ok(id)
}

/// `ALR-2026-000123`.
pub fn format_reference(year: i32, number: i64) -> String {
    format!("ALR-{year}-{number:06}")
}

impl SqlRequestStore {
    pub fn new(db: AnyPool, documents: DocumentStore) -> SqlRequestStore {
        SqlRequestStore { db, documents }
    }

    pub fn documents(&self) -> &DocumentStore {
        &self.documents
    }

    async fn documents_of(&self, request_id: &str) -> Result<Vec<DocumentInfo>, StoreError> {
        sqlx::query(
            "SELECT id, kind, file_name, content_type, size_bytes, sha256, uploaded_at
             FROM request_documents WHERE request_id = $1 ORDER BY uploaded_at, file_name",
        )
        .bind(request_id)
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
    async fn messages_of(&self, request_id: &str) -> Result<Vec<CaseMessage>, StoreError> {
        sqlx::query(
            "SELECT id, direction, kind, body, created_at, read_at FROM request_messages
             WHERE request_id = $1 ORDER BY created_at, id",
        )
        .bind(request_id)
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(crate::store::inbox::message_from_row)
        .collect()
    }

    /// Records an uploaded document of a draft; `None` when the request is not a draft.
    pub async fn add_document(
        &self,
        person_id: &str,
        request_id: &str,
        document: &NewDocument,
    ) -> Result<Option<String>, StoreError> {
        let mut tx = self.db.begin().await.map_err(failed)?;
        // Touching the request first takes the write lock and proves it is still a draft.
        let draft =
            sqlx::query("UPDATE requests SET updated_at = $1 WHERE id = $2 AND status = 'draft'")
                .bind(now_rfc3339())
                .bind(request_id)
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
        request_id: &str,
        document_id: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query(
            "SELECT storage_key FROM request_documents WHERE request_id = $1 AND id = $2",
        )
        .bind(request_id)
        .bind(document_id)
        .fetch_optional(&self.db)
        .await
        .map_err(failed)?
        .map(|row| row.get("storage_key")))
    }

    /// Removes a draft's document; `false` when there is none or the request is submitted.
    pub async fn remove_document(
        &self,
        request_id: &str,
        document_id: &str,
    ) -> Result<bool, StoreError> {
        let Some(key) = self.document_key(request_id, document_id).await? else {
            return Ok(false);
        };
        let removed = sqlx::query(
            "DELETE FROM request_documents WHERE request_id = $1 AND id = $2
               AND EXISTS (SELECT 1 FROM requests WHERE id = $1 AND status = 'draft')",
        )
        .bind(request_id)
        .bind(document_id)
        .execute(&self.db)
        .await
        .map_err(failed)?
        .rows_affected();
        if removed == 1 {
            // Removing a file is a change to the draft: it puts off its deletion as unused.
            sqlx::query("UPDATE requests SET updated_at = $1 WHERE id = $2 AND status = 'draft'")
                .bind(now_rfc3339())
                .bind(request_id)
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
    pub async fn receipt_key(&self, request_id: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query("SELECT receipt_key FROM requests WHERE id = $1 AND reference IS NOT NULL")
                .bind(request_id)
                .fetch_optional(&self.db)
                .await
                .map_err(failed)?
                .and_then(|row| row.get::<Option<String>, _>("receipt_key")),
        )
    }

    /// A request whoever asks: callers check the membership or the agent's role first.
    /// `filling_in` is the person shown as the representative while it is a draft.
    pub async fn request_by_id(
        &self,
        request_id: &str,
        filling_in: Option<&str>,
    ) -> Result<Option<ProcedureRequest>, StoreError> {
        self.load_request(request_id, filling_in, None).await
    }

    /// The request with its eSpace's details and its representative's name in one query (a
    /// page reads it on every render), then its answers, documents and exchange. With
    /// `member`, only when that person (id) belongs to the request's eSpace (id): the
    /// membership join is the authorisation.
    async fn load_request(
        &self,
        request_id: &str,
        filling_in: Option<&str>,
        member: Option<(&str, &str)>,
    ) -> Result<Option<ProcedureRequest>, StoreError> {
        let membership = if member.is_some() {
            format!(
                "WHERE r.id = $1 AND r.business_id = $4 AND {}",
                member_condition("r.business_id", "$3")
            )
        } else {
            "WHERE r.id = $1".to_owned()
        };
        let query = format!(
            "SELECT r.id, r.business_id, r.procedure_kind, r.status, r.reference, r.created_at,
                    r.updated_at, r.submitted_at, r.submitted_by, r.created_by, r.decided_at,
                    r.refusal_reason, r.client_number,
                    b.company_name, b.legal_form, b.rcs_number, b.seat_street,
                    b.seat_house_number, b.seat_postcode, b.seat_locality, b.email, b.phone,
                    p.given_name, p.family_name
             FROM requests r
             JOIN business_espaces b ON b.id = r.business_id
             LEFT JOIN persons p ON p.id = COALESCE(r.submitted_by, $2, r.created_by)
             {membership}"
        );
        let mut query = sqlx::query(&query).bind(request_id).bind(filling_in);
        if let Some((person_id, business_id)) = member {
            query = query.bind(person_id).bind(business_id);
        }
        let Some(row) = query.fetch_optional(&self.db).await.map_err(failed)? else {
            return Ok(None);
        };
        let mut answers = BTreeMap::new();
        for answer in sqlx::query("SELECT step, answers FROM request_answers WHERE request_id = $1")
            .bind(request_id)
            .fetch_all(&self.db)
            .await
            .map_err(failed)?
        {
            let step: String = answer.get("step");
            let json: String = answer.get("answers");
            let values: StepValues =
                serde_json::from_str(&json).map_err(|_| corrupt("answers of step", &step))?;
            answers.insert(step, values);
        }
        let status: String = row.get("status");
        let status = RequestStatus::from_code(&status).ok_or_else(|| corrupt("status", &status))?;
        let procedure: String = row.get("procedure_kind");
        let representative = match (
            row.get::<Option<String>, _>("given_name"),
            row.get::<Option<String>, _>("family_name"),
        ) {
            (Some(given), Some(family)) => format!("{given} {family}"),
            _ => String::new(),
        };
        let decided_at: Option<String> = row.get("decided_at");
        Ok(Some(ProcedureRequest {
            id: row.get("id"),
            business_id: row.get("business_id"),
            procedure: Procedure::from_code(&procedure)
                .ok_or_else(|| corrupt("procedure", &procedure))?,
            company: details_from_row(&row)?,
            representative,
            status,
            reference: row.get("reference"),
            created_at: row.get("created_at"),
            updated_at: row.get("updated_at"),
            submitted_at: row.get("submitted_at"),
            decision: decided_at.map(|decided_at| Decision {
                decided_at,
                refusal_reason: row.get("refusal_reason"),
                client_number: row.get("client_number"),
            }),
            answers,
            documents: self.documents_of(request_id).await?,
            // The Police and the applicant exchange messages about a submitted case only.
            messages: if status == RequestStatus::Draft {
                Vec::new()
            } else {
                self.messages_of(request_id).await?
            },
        }))
    }

    pub(crate) async fn name_of(&self, person_id: &str) -> Result<String, StoreError> {
        name_in(&self.db, person_id).await
    }
}

/// A person's name as shown on requests ("Marie Schmit"); empty for an unknown id.
async fn name_in<'e, E>(executor: E, person_id: &str) -> Result<String, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query("SELECT given_name, family_name FROM persons WHERE id = $1")
        .bind(person_id)
        .fetch_optional(executor)
        .await
        .map_err(failed)?;
    Ok(row
        .map(|r| {
            format!(
                "{} {}",
                r.get::<String, _>("given_name"),
                r.get::<String, _>("family_name")
            )
        })
        .unwrap_or_default())
}

#[async_trait::async_trait]
impl RequestStore for SqlRequestStore {
    async fn create_request(
        &self,
        person_id: &str,
        business_id: &str,
        procedure: Procedure,
    ) -> Result<NewRequest, StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let now = now_rfc3339();
        // The membership is the authorisation: a non-member inserts nothing. A certified
        // eSpace has nothing left to certify.
        let inserted = sqlx::query(&format!(
            "INSERT INTO requests (id, business_id, procedure_kind, status, created_by, created_at, updated_at)
             SELECT $1, $2, $5, 'draft', $3, $4, $4
             WHERE {member}
               AND ($5 <> 'certification'
                    OR (EXISTS (SELECT 1 FROM business_espaces WHERE id = $2 AND certified_at IS NULL)
                        AND NOT EXISTS (SELECT 1 FROM requests WHERE business_id = $2
                            AND procedure_kind = 'certification'
                            AND status IN ('submitted', 'in_review', 'waiting', 'approved'))))",
            member = member_condition("$2", "$3")
        ))
        .bind(&id)
        .bind(business_id)
        .bind(person_id)
        .bind(&now)
        .bind(procedure.code())
        .execute(&self.db)
        .await
        .map_err(failed)?
        .rows_affected();
        if inserted == 1 {
            return Ok(NewRequest::Created(id));
        }
        if !is_member(&self.db, business_id, person_id).await? {
            return Ok(NewRequest::NotMember);
        }
        Ok(
            if crate::store::espaces::is_certified(&self.db, business_id).await? {
                NewRequest::AlreadyCertified
            } else {
                NewRequest::CertificationUnderWay
            },
        )
    }

    async fn request_for_member(
        &self,
        person_id: &str,
        business_id: &str,
        request_id: &str,
    ) -> Result<Option<ProcedureRequest>, StoreError> {
        self.load_request(request_id, Some(person_id), Some((person_id, business_id)))
            .await
    }

    async fn requests_of_business(
        &self,
        person_id: &str,
        business_id: &str,
    ) -> Result<Option<Vec<RequestSummary>>, StoreError> {
        if !is_member(&self.db, business_id, person_id).await? {
            return Ok(None);
        }
        let ids: Vec<String> = sqlx::query(
            "SELECT id FROM requests WHERE business_id = $1
             ORDER BY CASE status WHEN 'draft' THEN 0 ELSE 1 END, updated_at DESC",
        )
        .bind(business_id)
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(|row| row.get("id"))
        .collect();
        let mut summaries = Vec::with_capacity(ids.len());
        for id in ids {
            // Membership checked once above; each request is then read by id.
            if let Some(request) = self.request_by_id(&id, Some(person_id)).await? {
                let label = match request.procedure {
                    Procedure::Connection => request.answer(WizardStep::Site, "site_locality"),
                    Procedure::Certification => request.answer(WizardStep::Client, "client_number"),
                };
                summaries.push(RequestSummary {
                    label: label.map(str::to_owned),
                    procedure: request.procedure,
                    resume_at: request.first_incomplete(),
                    id: request.id,
                    status: request.status,
                    reference: request.reference,
                    updated_at: request.updated_at,
                });
            }
        }
        Ok(Some(summaries))
    }

    async fn save_answers(
        &self,
        person_id: &str,
        request_id: &str,
        step: WizardStep,
        values: &StepValues,
    ) -> Result<bool, StoreError> {
        let now = now_rfc3339();
        let json = serde_json::to_string(values).map_err(failed)?;
        let mut tx = self.db.begin().await.map_err(failed)?;
        // Touching the request first takes the write lock and proves it is still a draft.
        let draft =
            sqlx::query("UPDATE requests SET updated_at = $1 WHERE id = $2 AND status = 'draft'")
                .bind(&now)
                .bind(request_id)
                .execute(&mut *tx)
                .await
                .map_err(failed)?
                .rows_affected();
        if draft != 1 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO request_answers (request_id, step, answers, saved_by, saved_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (request_id, step)
             DO UPDATE SET answers = excluded.answers, saved_by = excluded.saved_by,
                           saved_at = excluded.saved_at",
        )
        .bind(request_id)
        .bind(step.slug())
        .bind(&json)
        .bind(person_id)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        tx.commit().await.map_err(failed)?;
        Ok(true)
    }

    async fn delete_draft(&self, request_id: &str) -> Result<bool, StoreError> {
        let keys: Vec<String> =
            sqlx::query("SELECT storage_key FROM request_documents WHERE request_id = $1")
                .bind(request_id)
                .fetch_all(&self.db)
                .await
                .map_err(failed)?
                .iter()
                .map(|row| row.get("storage_key"))
                .collect();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let deleted = sqlx::query("DELETE FROM requests WHERE id = $1 AND status = 'draft'")
            .bind(request_id)
            .execute(&mut *tx)
            .await
            .map_err(failed)?
            .rows_affected();
        if deleted != 1 {
            return Ok(false);
        }
        // Foreign keys cascade on SQLite and PostgreSQL alike; explicit for clarity of intent.
        for table in ["request_answers", "request_documents"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE request_id = $1"))
                .bind(request_id)
                .execute(&mut *tx)
                .await
                .map_err(failed)?;
        }
        tx.commit().await.map_err(failed)?;
        for key in keys {
            if let Err(error) = self.documents.delete(&key).await {
                tracing::warn!(%error, "draft deleted, a document's bytes stay in the store");
            }
        }
        Ok(true)
    }

    async fn submit(
        &self,
        person_id: &str,
        request: &ProcedureRequest,
        locale: Locale,
    ) -> Result<Submission, StoreError> {
        let now = chrono::Utc::now();
        let submitted_at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let mut tx = self.db.begin().await.map_err(failed)?;
        // Only one submission flips the status; a second (double click, resent form, another
        // tab) finds nothing to update and gets the first one's reference.
        let won = sqlx::query(
            "UPDATE requests SET status = 'submitted', submitted_at = $1, submitted_by = $2, updated_at = $1
             WHERE id = $3 AND status = 'draft'",
        )
        .bind(&submitted_at)
        .bind(person_id)
        .bind(&request.id)
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
        if won != 1 {
            drop(tx);
            let reference: Option<String> =
                sqlx::query("SELECT reference FROM requests WHERE id = $1")
                    .bind(&request.id)
                    .fetch_optional(&self.db)
                    .await
                    .map_err(failed)?
                    .and_then(|row| row.get("reference"));
            return reference.map(Submission::AlreadySubmitted).ok_or_else(|| {
                StoreError::Inconsistent("the request is neither a draft nor submitted".into())
            });
        }
        let year = chrono::Datelike::year(&now);
        let number: i64 = sqlx::query(
            "INSERT INTO reference_counters (year, last_number) VALUES ($1, 1)
             ON CONFLICT (year) DO UPDATE SET last_number = reference_counters.last_number + 1
             RETURNING last_number",
        )
        .bind(year)
        .fetch_one(&mut *tx)
        .await
        .map_err(failed)?
        .get("last_number");
        let reference = format_reference(year, number);
        let mut frozen = request.clone();
        frozen.status = RequestStatus::Submitted;
        frozen.reference = Some(reference.clone());
        frozen.submitted_at = Some(submitted_at.clone());
        // On the transaction's own connection: a second one from the pool, asked for while
        // this one holds the counter's lock, left concurrent submissions waiting on each
        // other until the pool timed out (bench/writes on PostgreSQL).
        frozen.representative = name_in(&mut *tx, person_id).await?;
        let snapshot = serde_json::to_string(&frozen).map_err(failed)?;
        let pdf = receipt::render(&frozen, locale);
        let receipt_sha256 = sha256_hex(&pdf);
        let receipt_key = format!("requests/{}/receipt-{reference}.pdf", request.id);
        self.documents
            .put(&receipt_key, Bytes::from(pdf))
            .await
            .map_err(failed)?;
        let locality = match request.procedure {
            Procedure::Connection => request.answer(WizardStep::Site, "site_locality"),
            Procedure::Certification => {
                request.answer(WizardStep::PostalAddress, "letter_locality")
            }
        }
        .unwrap_or(&request.company.seat.locality);
        let search_text = search_text(&[
            &reference,
            &request.company.company_name,
            &request.company.rcs_number.to_string(),
            locality,
        ]);
        sqlx::query(
            "UPDATE requests SET reference = $1, snapshot = $2, receipt_key = $3, receipt_sha256 = $4,
                    locality = $5, search_text = $7
             WHERE id = $6",
        )
        .bind(&reference)
        .bind(&snapshot)
        .bind(&receipt_key)
        .bind(&receipt_sha256)
        .bind(locality)
        .bind(&request.id)
        .bind(&search_text)
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        audit::record(
            &mut *tx,
            Event::applicant(person_id, AuditAction::Submitted)
                .on(&request.business_id, &request.id)
                .detail(&reference),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(%reference, procedure = request.procedure.code(), "request submitted");
        crate::metrics::submitted(request.procedure.code());
        Ok(Submission::Submitted(reference))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_zero_padded_per_year() {
        assert_eq!(format_reference(2026, 123), "ALR-2026-000123");
        assert_eq!(format_reference(2027, 1), "ALR-2027-000001");
    }
}
