//! Connection requests in the database: the server's side of `app::api::backend::RequestStore`,
//! plus what only the server's own routes need (documents, receipts).

mod documents;
mod submission;

pub use documents::{insert_document, sha256_hex, NewDocument};
pub use submission::{format_reference, search_text};

use std::collections::BTreeMap;

use app::api::backend::{NewRequest, RequestStore, StoreError, Submission};
use app::i18n::Locale;
use app::model::case::CaseMessage;
use app::model::request::Decision;
use app::model::{BusinessId, PersonId, RequestId};
use app::model::{
    Procedure, ProcedureRequest, RequestStatus, RequestSummary, StepValues, WizardStep,
};
use sqlx::{AnyPool, Row};

use crate::clock::now_rfc3339;
use crate::documents::DocumentStore;
use crate::store::espaces::{details_from_row, is_member, member_condition};
use crate::store::{corrupt, failed};

#[derive(Clone, Debug)]
pub struct SqlRequestStore {
    db: AnyPool,
    documents: DocumentStore,
}

impl SqlRequestStore {
    pub fn new(db: AnyPool, documents: DocumentStore) -> SqlRequestStore {
        SqlRequestStore { db, documents }
    }

    pub fn documents(&self) -> &DocumentStore {
        &self.documents
    }

    async fn messages_of(&self, request_id: &RequestId) -> Result<Vec<CaseMessage>, StoreError> {
        sqlx::query(
            "SELECT id, direction, kind, body, created_at, read_at FROM request_messages
             WHERE request_id = $1 ORDER BY created_at, id",
        )
        .bind(request_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(crate::store::inbox::message_from_row)
        .collect()
    }

    /// A request whoever asks: callers check the membership or the agent's role first.
    /// `filling_in` is the person shown as the representative while it is a draft.
    pub async fn request_by_id(
        &self,
        request_id: &RequestId,
        filling_in: Option<&PersonId>,
    ) -> Result<Option<ProcedureRequest>, StoreError> {
        self.load_request(request_id, filling_in, None).await
    }

    /// The request with its eSpace's details and its representative's name in one query (a
    /// page reads it on every render), then its answers, documents and exchange. With
    /// `member`, only when that person (id) belongs to the request's eSpace (id): the
    /// membership join is the authorisation.
    async fn load_request(
        &self,
        request_id: &RequestId,
        filling_in: Option<&PersonId>,
        member: Option<(&PersonId, &BusinessId)>,
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
        let mut query = sqlx::query(&query)
            .bind(request_id.as_str())
            .bind(filling_in.map(PersonId::as_str));
        if let Some((person_id, business_id)) = member {
            query = query.bind(person_id.as_str()).bind(business_id.as_str());
        }
        let Some(row) = query.fetch_optional(&self.db).await.map_err(failed)? else {
            return Ok(None);
        };
        let mut answers = BTreeMap::new();
        for answer in sqlx::query("SELECT step, answers FROM request_answers WHERE request_id = $1")
            .bind(request_id.as_str())
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
            id: RequestId::new(row.get::<String, _>("id")),
            business_id: BusinessId::new(row.get::<String, _>("business_id")),
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

    pub(crate) async fn name_of(&self, person_id: &PersonId) -> Result<String, StoreError> {
        name_in(&self.db, person_id).await
    }
}

/// A person's name as shown on requests ("Marie Schmit"); empty for an unknown id.
async fn name_in<'e, E>(executor: E, person_id: &PersonId) -> Result<String, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query("SELECT given_name, family_name FROM persons WHERE id = $1")
        .bind(person_id.as_str())
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
        person_id: &PersonId,
        business_id: &BusinessId,
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
        .bind(business_id.as_str())
        .bind(person_id.as_str())
        .bind(&now)
        .bind(procedure.code())
        .execute(&self.db)
        .await
        .map_err(failed)?
        .rows_affected();
        if inserted == 1 {
            return Ok(NewRequest::Created(RequestId::new(id)));
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
        person_id: &PersonId,
        business_id: &BusinessId,
        request_id: &RequestId,
    ) -> Result<Option<ProcedureRequest>, StoreError> {
        self.load_request(request_id, Some(person_id), Some((person_id, business_id)))
            .await
    }

    async fn requests_of_business(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<Vec<RequestSummary>>, StoreError> {
        if !is_member(&self.db, business_id, person_id).await? {
            return Ok(None);
        }
        let ids: Vec<RequestId> = sqlx::query(
            "SELECT id FROM requests WHERE business_id = $1
             ORDER BY CASE status WHEN 'draft' THEN 0 ELSE 1 END, updated_at DESC",
        )
        .bind(business_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(|row| RequestId::new(row.get::<String, _>("id")))
        .collect();
        let mut summaries = Vec::with_capacity(ids.len());
        for id in ids {
            // Membership checked once above; each request is then read by id.
            if let Some(request) = self.request_by_id(&id, Some(person_id)).await? {
                let label = match request.procedure {
                    Procedure::Connection => request.site_address().map(|site| site.locality),
                    Procedure::Certification => {
                        request.client_number().map(|number| number.to_string())
                    }
                };
                summaries.push(RequestSummary {
                    label,
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
        person_id: &PersonId,
        request_id: &RequestId,
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
                .bind(request_id.as_str())
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
        .bind(request_id.as_str())
        .bind(step.slug())
        .bind(&json)
        .bind(person_id.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        tx.commit().await.map_err(failed)?;
        Ok(true)
    }

    async fn delete_draft(&self, request_id: &RequestId) -> Result<bool, StoreError> {
        let keys: Vec<String> =
            sqlx::query("SELECT storage_key FROM request_documents WHERE request_id = $1")
                .bind(request_id.as_str())
                .fetch_all(&self.db)
                .await
                .map_err(failed)?
                .iter()
                .map(|row| row.get("storage_key"))
                .collect();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let deleted = sqlx::query("DELETE FROM requests WHERE id = $1 AND status = 'draft'")
            .bind(request_id.as_str())
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
                .bind(request_id.as_str())
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
        person_id: &PersonId,
        request: &ProcedureRequest,
        locale: Locale,
    ) -> Result<Submission, StoreError> {
        self.submit_now(person_id, request, locale).await
    }
}
