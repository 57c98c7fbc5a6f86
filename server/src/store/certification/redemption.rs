//! A code typed in a business eSpace: judged inside one transaction that first takes the
//! eSpace's write lock (tries are counted one after the other), every try recorded, the right
//! code certifying the eSpace.

use app::api::backend::StoreError;
use app::model::answers::step_answers;
use app::model::case::AuditAction;
use app::model::certification::{ClientStep, TokenInput};
use app::model::WizardStep;
use app::model::{BusinessId, PersonId, RequestId};
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::SqlCertificationStore;
use crate::certification::token;
use crate::store::audit::{self, Event};
use crate::store::certification_state::{locked_until, parse_stamp, stamp};
use crate::store::espaces::{is_certified, member_condition};
use crate::store::failed;

/// Where typing a code in an eSpace ended. Every outcome but `Certified` counts as a wrong try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Redemption {
    Certified {
        client_number: String,
        /// The certification request the code was issued for.
        request_id: RequestId,
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
    /// A code typed in the business eSpace by one of its members; `None` for a non-member.
    pub async fn redeem(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
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
        .bind(business_id.as_str())
        .bind(person_id.as_str())
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
        .bind(business_id.as_str())
        .bind(person_id.as_str())
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
        business_id: &BusinessId,
        person_id: &PersonId,
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
        .bind(business_id.as_str())
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
        let request_id = RequestId::new(row.get::<String, _>("request_id"));
        let number: Option<String> =
            sqlx::query("SELECT answers FROM request_answers WHERE request_id = $1 AND step = $2")
                .bind(request_id.as_str())
                .bind(WizardStep::Client.slug())
                .fetch_optional(&mut **tx)
                .await
                .map_err(failed)?
                .and_then(|row| {
                    let json: String = row.get("answers");
                    serde_json::from_str::<app::model::StepValues>(&json).ok()
                })
                .and_then(|answers| step_answers::<ClientStep>(Some(&answers))?.number())
                .map(|number| number.to_string());
        let Some(client_number) = number else {
            return Err(StoreError::Inconsistent(format!(
                "certification request {request_id} has no client number"
            )));
        };
        let taken = sqlx::query(
            "SELECT 1 AS yes FROM business_espaces WHERE client_number = $1 AND id <> $2",
        )
        .bind(&client_number)
        .bind(business_id.as_str())
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
        .bind(person_id.as_str())
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
        .bind(business_id.as_str())
        .execute(&mut **tx)
        .await
        .map_err(failed)?;
        Ok(Redemption::Certified {
            client_number,
            request_id,
        })
    }
}
