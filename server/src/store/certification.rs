//! Procedure A in the database: decisions, codes (as hashes), letters posted, redemptions and
//! the attempts that limit guessing.

use app::api::backend::StoreError;
use app::model::case::AuditAction;
use app::model::certification::{CertificationCase, CertificationState, LetterState, TokenInput};
use app::model::{Procedure, ProcedureRequest, WizardStep};
use chrono::{DateTime, Utc};
use sqlx::{AnyPool, Row};

use crate::certification::token;
use crate::config::CertificationPolicy;
use crate::store::audit::{self, Event};
use crate::store::certification_state::{
    duration, latest_letter, locked_until, parse_stamp, stamp, state_of, FAILURES,
};
use crate::store::espaces::{is_certified, member_condition};
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

/// Where typing a code in an eSpace ended. Every outcome but `Certified` counts as a wrong try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Redemption {
    Certified {
        client_number: String,
        /// The certification request the code was issued for.
        request_id: String,
    },
    /// No such code for this eSpace (a typo, a guess, another eSpace's code).
    Wrong,
    Expired,
    Used,
    /// A newer letter replaced the one this code came from.
    Replaced,
    /// Too many wrong codes lately: nothing is checked until then.
    Locked {
        until: String,
        minutes: u32,
    },
    AlreadyCertified,
    /// Another eSpace was certified with this client number since the approval.
    ClientNumberTaken,
}

impl Redemption {
    fn outcome_code(&self) -> &'static str {
        match self {
            Redemption::Certified { .. } => "certified",
            Redemption::Wrong => "wrong",
            Redemption::Expired => "expired",
            Redemption::Used => "used",
            Redemption::Replaced => "replaced",
            // Neither a guess nor a certification: recorded, not counted as a wrong code.
            Redemption::Locked { .. }
            | Redemption::AlreadyCertified
            | Redemption::ClientNumberTaken => "locked",
        }
    }
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
        request_id: &str,
    ) -> Result<Option<ProcedureRequest>, StoreError> {
        Ok(self
            .requests
            .request_by_id(request_id, None)
            .await?
            .filter(|r| r.procedure == Procedure::Certification && r.reference.is_some()))
    }

    /// The eSpace's certification as its members see it.
    pub async fn state_of(&self, business_id: &str) -> Result<CertificationState, StoreError> {
        state_of(&self.db, self.policy, business_id).await
    }

    async fn latest_letter(&self, request_id: &str) -> Result<Option<LetterState>, StoreError> {
        latest_letter(&self.db, request_id).await
    }

    async fn locked_until(
        &self,
        business_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut conn = self.db.acquire().await.map_err(failed)?;
        locked_until(&mut conn, self.policy, business_id, now).await
    }

    /// A new code for an approved request; the request's earlier codes stop working.
    pub async fn issue_letter(
        &self,
        agent_id: &str,
        request_id: &str,
    ) -> Result<LetterOutcome, StoreError> {
        let Some(request) = self.certification_request(request_id).await? else {
            return Ok(LetterOutcome::NotFound);
        };
        let language = request
            .answer(WizardStep::PostalAddress, "letter_language")
            .unwrap_or("fr")
            .to_owned();
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
        .bind(request_id)
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
        .bind(request_id)
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        sqlx::query(
            "INSERT INTO certification_tokens (id, request_id, business_id, token_sha256,
                 letter_language, issued_by, issued_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(request_id)
        .bind(&request.business_id)
        .bind(token::hash(&code))
        .bind(&language)
        .bind(agent_id)
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
        agent_id: &str,
        request_id: &str,
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
        .bind(agent_id)
        .bind(request_id)
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

    /// A code typed in the business eSpace by one of its members; `None` for a non-member.
    pub async fn redeem(
        &self,
        person_id: &str,
        business_id: &str,
        code: &TokenInput,
    ) -> Result<Option<Redemption>, StoreError> {
        let now = Utc::now();
        let mut tx = self.db.begin().await.map_err(failed)?;
        // Touching the eSpace takes its write lock first, so that two tries at once are
        // counted one after the other and the limit cannot be passed by racing it.
        let member = sqlx::query(&format!(
            "UPDATE business_espaces SET certified_at = certified_at WHERE id = $1 AND {}",
            member_condition("$1", "$2")
        ))
        .bind(business_id)
        .bind(person_id)
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
        if member != 1 {
            return Ok(None);
        }
        let outcome = self
            .judge(&mut tx, business_id, person_id, code, now)
            .await?;
        sqlx::query(
            "INSERT INTO certification_attempts (id, business_id, person_id, attempted_at, outcome)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(business_id)
        .bind(person_id)
        .bind(stamp(now))
        .bind(outcome.outcome_code())
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        if let Redemption::Certified { request_id, .. } = &outcome {
            audit::record(
                &mut *tx,
                Event::applicant(person_id, AuditAction::CodeRedeemed).on(business_id, request_id),
            )
            .await?;
        }
        tx.commit().await.map_err(failed)?;
        match &outcome {
            Redemption::Certified { .. } => {
                tracing::info!(business = %business_id, person = %person_id, "eSpace certified");
            }
            Redemption::Locked { .. } => {
                tracing::warn!(business = %business_id, person = %person_id,
                    "certification code refused: redemption locked after too many wrong codes");
            }
            other => {
                tracing::warn!(business = %business_id, person = %person_id,
                    outcome = other.outcome_code(), "certification code refused");
                if self.locked_until(business_id, now).await?.is_some() {
                    tracing::warn!(business = %business_id,
                        "too many wrong certification codes: redemption locked");
                }
            }
        }
        Ok(Some(outcome))
    }

    async fn judge(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        business_id: &str,
        person_id: &str,
        code: &TokenInput,
        now: DateTime<Utc>,
    ) -> Result<Redemption, StoreError> {
        if is_certified(&mut **tx, business_id).await? {
            return Ok(Redemption::AlreadyCertified);
        }
        // Read inside the transaction: a second pooled connection while this one holds the
        // lock would let a burst of tries exhaust the pool.
        if let Some(until) = locked_until(tx, self.policy, business_id, now).await? {
            let minutes = (until - now).num_minutes().max(0) + 1;
            return Ok(Redemption::Locked {
                until: stamp(until),
                minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
            });
        }
        // Looked up within this eSpace only: another eSpace's code is just a wrong code here.
        let Some(row) = sqlx::query(
            "SELECT t.id, t.request_id, t.expires_at, t.revoked_at, t.used_at
             FROM certification_tokens t
             WHERE t.business_id = $1 AND t.token_sha256 = $2",
        )
        .bind(business_id)
        .bind(token::hash(code))
        .fetch_optional(&mut **tx)
        .await
        .map_err(failed)?
        else {
            return Ok(Redemption::Wrong);
        };
        let used_at: Option<String> = row.get("used_at");
        let revoked_at: Option<String> = row.get("revoked_at");
        let expires_at: String = row.get("expires_at");
        if used_at.is_some() {
            return Ok(Redemption::Used);
        }
        if revoked_at.is_some() {
            return Ok(Redemption::Replaced);
        }
        if parse_stamp(&expires_at).is_none_or(|expires| expires <= now) {
            return Ok(Redemption::Expired);
        }
        let token_id: String = row.get("id");
        let request_id: String = row.get("request_id");
        let number: Option<String> =
            sqlx::query("SELECT answers FROM request_answers WHERE request_id = $1 AND step = $2")
                .bind(&request_id)
                .bind(WizardStep::Client.slug())
                .fetch_optional(&mut **tx)
                .await
                .map_err(failed)?
                .and_then(|row| {
                    let json: String = row.get("answers");
                    serde_json::from_str::<app::model::StepValues>(&json).ok()
                })
                .and_then(|answers| answers.get("client_number").cloned());
        let Some(client_number) = number else {
            return Err(StoreError::Inconsistent(format!(
                "certification request {request_id} has no client number"
            )));
        };
        let taken = sqlx::query(
            "SELECT 1 AS yes FROM business_espaces WHERE client_number = $1 AND id <> $2",
        )
        .bind(&client_number)
        .bind(business_id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(failed)?;
        if taken.is_some() {
            return Ok(Redemption::ClientNumberTaken);
        }
        let used = sqlx::query(
            "UPDATE certification_tokens SET used_at = $1, used_by = $2
             WHERE id = $3 AND used_at IS NULL AND revoked_at IS NULL",
        )
        .bind(stamp(now))
        .bind(person_id)
        .bind(&token_id)
        .execute(&mut **tx)
        .await
        .map_err(failed)?
        .rows_affected();
        if used != 1 {
            return Ok(Redemption::Used);
        }
        sqlx::query(
            "UPDATE business_espaces SET certified_at = $1, client_number = $2 WHERE id = $3",
        )
        .bind(stamp(now))
        .bind(&client_number)
        .bind(business_id)
        .execute(&mut **tx)
        .await
        .map_err(failed)?;
        Ok(Redemption::Certified {
            client_number,
            request_id,
        })
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
        let request_id = request.id.as_str();
        let letter = self.latest_letter(request_id).await?;
        let replaced = sqlx::query(
            "SELECT COUNT(*) AS n FROM certification_tokens
             WHERE request_id = $1 AND revoked_at IS NOT NULL",
        )
        .bind(request_id)
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
        .bind(&request.business_id)
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
