//! Procedure A in the database: decisions, codes (as hashes), letters posted, redemptions and
//! the attempts that limit guessing.

mod redemption;

pub use redemption::Redemption;

use app::api::backend::StoreError;
use app::model::case::AuditAction;
use app::model::certification::{CertificationCase, CertificationState, LetterState, TokenInput};
use app::model::{BusinessId, PersonId, RequestId};
use app::model::{Procedure, ProcedureRequest};
use chrono::{DateTime, Utc};
use sqlx::{AnyPool, Row};

use crate::certification::token;
use crate::config::CertificationPolicy;
use crate::store::audit::{self, Event};
use crate::store::certification_state::{
    duration, latest_letter, locked_until, stamp, state_of, FAILURES,
};
use crate::store::failed;
use crate::store::requests::SqlRequestStore;

#[derive(Clone, Debug)]
pub struct SqlCertificationStore {
    db: AnyPool,
    requests: SqlRequestStore,
    policy: CertificationPolicy,
}

/// A new code, for the letter. Its characters exist only here and in the PDF made from it.
pub struct IssuedLetter {
    pub token: TokenInput,
    pub expires_at: String,
    pub issued_at: String,
    pub request: ProcedureRequest,
}

pub enum LetterOutcome {
    Issued(Box<IssuedLetter>),
    NotFound,
    /// Not approved, or the eSpace is already certified.
    WrongStatus,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostedOutcome {
    Posted,
    NotFound,
    /// No letter waiting to be posted.
    NothingToPost,
}

impl SqlCertificationStore {
    pub fn new(
        db: AnyPool,
        requests: SqlRequestStore,
        policy: CertificationPolicy,
    ) -> SqlCertificationStore {
        SqlCertificationStore {
            db,
            requests,
            policy,
        }
    }

    /// A certification request by id, for an agent.
    async fn certification_request(
        &self,
        request_id: &RequestId,
    ) -> Result<Option<ProcedureRequest>, StoreError> {
        Ok(self
            .requests
            .request_by_id(request_id, None)
            .await?
            .filter(|r| r.procedure == Procedure::Certification && r.reference.is_some()))
    }

    /// The eSpace's certification as its members see it.
    pub async fn state_of(
        &self,
        business_id: &BusinessId,
    ) -> Result<CertificationState, StoreError> {
        state_of(&self.db, self.policy, business_id).await
    }

    async fn latest_letter(
        &self,
        request_id: &RequestId,
    ) -> Result<Option<LetterState>, StoreError> {
        latest_letter(&self.db, request_id).await
    }

    async fn locked_until(
        &self,
        business_id: &BusinessId,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut conn = self.db.acquire().await.map_err(failed)?;
        locked_until(&mut conn, self.policy, business_id, now).await
    }

    /// A new code for an approved request; the request's earlier codes stop working.
    pub async fn issue_letter(
        &self,
        agent_id: &PersonId,
        request_id: &RequestId,
    ) -> Result<LetterOutcome, StoreError> {
        let Some(request) = self.certification_request(request_id).await? else {
            return Ok(LetterOutcome::NotFound);
        };
        let Some(letter) = request.letter_address() else {
            return Err(StoreError::Inconsistent(format!(
                "certification request {request_id} has no postal address"
            )));
        };
        let language = letter.language.code();
        let code = token::generate();
        let issued = Utc::now();
        let expires = issued + duration(self.policy.code_validity);
        let mut tx = self.db.begin().await.map_err(failed)?;
        // Touching the request first takes its lock and proves, inside the transaction, that
        // it is approved and its eSpace not certified: two downloads at once issue one after
        // the other, and the second revokes the first.
        let issuable = sqlx::query(
            "UPDATE requests SET updated_at = $1
             WHERE id = $2 AND status = 'approved' AND EXISTS
                 (SELECT 1 FROM business_espaces b
                  WHERE b.id = requests.business_id AND b.certified_at IS NULL)",
        )
        .bind(stamp(issued))
        .bind(request_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
        if issuable != 1 {
            return Ok(LetterOutcome::WrongStatus);
        }
        sqlx::query(
            "UPDATE certification_tokens SET revoked_at = $1
             WHERE request_id = $2 AND revoked_at IS NULL AND used_at IS NULL",
        )
        .bind(stamp(issued))
        .bind(request_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        sqlx::query(
            "INSERT INTO certification_tokens (id, request_id, business_id, token_sha256,
                 letter_language, issued_by, issued_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(request_id.as_str())
        .bind(request.business_id.as_str())
        .bind(token::hash(&code))
        .bind(language)
        .bind(agent_id.as_str())
        .bind(stamp(issued))
        .bind(stamp(expires))
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        audit::record(
            &mut *tx,
            Event::agent(agent_id, AuditAction::TokenIssued).on(&request.business_id, request_id),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(request = %request_id, agent = %agent_id, "certification code issued");
        Ok(LetterOutcome::Issued(Box::new(IssuedLetter {
            token: code,
            expires_at: stamp(expires),
            issued_at: stamp(issued),
            request,
        })))
    }

    /// Records that the latest letter went out by post.
    pub async fn mark_posted(
        &self,
        agent_id: &PersonId,
        request_id: &RequestId,
    ) -> Result<PostedOutcome, StoreError> {
        let Some(request) = self.certification_request(request_id).await? else {
            return Ok(PostedOutcome::NotFound);
        };
        let mut tx = self.db.begin().await.map_err(failed)?;
        let posted = sqlx::query(
            "UPDATE certification_tokens SET posted_at = $1, posted_by = $2
             WHERE request_id = $3 AND revoked_at IS NULL AND used_at IS NULL
               AND posted_at IS NULL",
        )
        .bind(crate::clock::now_rfc3339())
        .bind(agent_id.as_str())
        .bind(request_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
        if posted != 1 {
            return Ok(PostedOutcome::NothingToPost);
        }
        audit::record(
            &mut *tx,
            Event::agent(agent_id, AuditAction::LetterPosted).on(&request.business_id, request_id),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        Ok(PostedOutcome::Posted)
    }
}

impl SqlCertificationStore {
    /// The letter, code and redemption side of a certification case, for the case page.
    pub async fn certification_case(
        &self,
        request: &ProcedureRequest,
    ) -> Result<Option<CertificationCase>, StoreError> {
        if request.procedure != Procedure::Certification {
            return Ok(None);
        }
        let request_id = &request.id;
        let letter = self.latest_letter(request_id).await?;
        let replaced = sqlx::query(
            "SELECT COUNT(*) AS n FROM certification_tokens
             WHERE request_id = $1 AND revoked_at IS NOT NULL",
        )
        .bind(request_id.as_str())
        .fetch_one(&self.db)
        .await
        .map_err(failed)?
        .get::<i64, _>("n");
        let since = request
            .decision
            .as_ref()
            .map(|d| d.decided_at.clone())
            .unwrap_or_default();
        let wrong = sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM certification_attempts
             WHERE business_id = $1 AND attempted_at >= $2 AND outcome IN {FAILURES}"
        ))
        .bind(request.business_id.as_str())
        .bind(&since)
        .fetch_one(&self.db)
        .await
        .map_err(failed)?
        .get::<i64, _>("n");
        let state = self.state_of(&request.business_id).await?;
        Ok(Some(CertificationCase {
            letter,
            replaced_letters: u32::try_from(replaced).unwrap_or(0),
            certified: matches!(state, CertificationState::Certified { .. }).then_some(state),
            wrong_attempts: u32::try_from(wrong).unwrap_or(0),
        }))
    }
}
