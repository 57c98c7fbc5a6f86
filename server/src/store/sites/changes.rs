//! A change report's life: the applicant sends it (checked against the site as it is now), an
//! agent accepts or refuses it. Each move is one transaction with its audit row; a decision
//! leaves a notice in the eSpace's inbox and, after commit, a mail.

use app::api::backend::StoreError;
use app::model::after_connection::{ChangePart, NoticeKind};
use app::model::case::AuditAction;
use app::model::{BusinessId, PersonId, SiteId};
use app::model::{FieldErrors, StepValues};
use sqlx::{Any, Transaction};

use app::api::backend::SiteStore;

use super::SqlSiteStore;
use crate::store::audit::{self, Event};
use crate::store::failed;

/// An agent's decision on a change report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeVerdict {
    Accept,
    Refuse { reason: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeOutcome {
    Done,
    /// No such site (or change) there.
    NotFound,
    /// The values did not pass the step's rules.
    Invalid(FieldErrors),
    /// A report of the same part is already waiting; or the change was decided meanwhile.
    AlreadyPending,
    AlreadyDecided,
}

fn now_micros() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Whether an insert failed on a unique index (the one waiting report per part).
fn is_unique_violation(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|e| e.is_unique_violation())
}

async fn notify(
    tx: &mut Transaction<'_, Any>,
    business_id: &BusinessId,
    site_id: &SiteId,
    kind: NoticeKind,
    body: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO espace_notices (id, business_id, request_id, kind, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(business_id.as_str())
    .bind(site_id.as_str())
    .bind(kind.code())
    .bind(body)
    .bind(now_micros())
    .execute(&mut **tx)
    .await
    .map_err(failed)?;
    Ok(())
}

impl SqlSiteStore {
    /// A member of the site's eSpace reports a change of `part`.
    pub async fn report_change(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
        site_id: &SiteId,
        part: ChangePart,
        proposed: &StepValues,
    ) -> Result<ChangeOutcome, StoreError> {
        let Some(site) = self
            .site_for_member(person_id, business_id, site_id)
            .await?
        else {
            return Ok(ChangeOutcome::NotFound);
        };
        let current = site
            .request
            .answers_of(part.step())
            .cloned()
            .unwrap_or_default();
        let values = match part.check(&current, proposed) {
            Ok(values) => values,
            Err(errors) => return Ok(ChangeOutcome::Invalid(errors)),
        };
        let id = uuid::Uuid::new_v4().to_string();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let inserted = sqlx::query(
            "INSERT INTO site_changes (id, site_id, business_id, part, proposed, status,
                 submitted_by, submitted_at)
             VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7)",
        )
        .bind(&id)
        .bind(site_id.as_str())
        .bind(business_id.as_str())
        .bind(part.code())
        .bind(serde_json::to_string(&values).map_err(failed)?)
        .bind(person_id.as_str())
        .bind(now_micros())
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {}
            Err(error) if is_unique_violation(&error) => return Ok(ChangeOutcome::AlreadyPending),
            Err(error) => return Err(failed(error)),
        }
        audit::record(
            &mut *tx,
            Event::applicant(person_id, AuditAction::ChangeReported)
                .on_site(business_id, site_id)
                .detail(part.code()),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(site = %site_id, part = part.code(), "change reported");
        Ok(ChangeOutcome::Done)
    }

    /// An agent accepts or refuses a waiting change report of `site_id`.
    pub async fn decide_change(
        &self,
        agent_id: &PersonId,
        site_id: &SiteId,
        change_id: &str,
        verdict: &ChangeVerdict,
    ) -> Result<ChangeOutcome, StoreError> {
        let (status, reason, notice, action) = match verdict {
            ChangeVerdict::Accept => (
                "accepted",
                None,
                NoticeKind::ChangeAccepted,
                AuditAction::ChangeAccepted,
            ),
            ChangeVerdict::Refuse { reason } => (
                "refused",
                Some(reason.as_str()),
                NoticeKind::ChangeRefused,
                AuditAction::ChangeRefused,
            ),
        };
        let mut tx = self.db.begin().await.map_err(failed)?;
        // The status in the WHERE clause: of two agents deciding at once, one moves it.
        let moved = sqlx::query(
            "UPDATE site_changes SET status = $1, decided_by = $2, decided_at = $3,
                    refusal_reason = $4
             WHERE id = $5 AND site_id = $6 AND status = 'submitted'",
        )
        .bind(status)
        .bind(agent_id.as_str())
        .bind(now_micros())
        .bind(reason)
        .bind(change_id)
        .bind(site_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
        let found = sqlx::query(
            "SELECT business_id, part FROM site_changes WHERE id = $1 AND site_id = $2",
        )
        .bind(change_id)
        .bind(site_id.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(failed)?;
        let Some(row) = found else {
            return Ok(ChangeOutcome::NotFound);
        };
        if moved != 1 {
            return Ok(ChangeOutcome::AlreadyDecided);
        }
        let business_id = BusinessId::new(sqlx::Row::get::<String, _>(&row, "business_id"));
        let part: String = sqlx::Row::get(&row, "part");
        notify(&mut tx, &business_id, site_id, notice, reason).await?;
        audit::record(
            &mut *tx,
            Event::agent(agent_id, action)
                .on_site(&business_id, site_id)
                .detail(part),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(site = %site_id, status, "change decided");
        self.notifier.new_message(&business_id);
        Ok(ChangeOutcome::Done)
    }
}
