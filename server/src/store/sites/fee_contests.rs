//! A false alert's fee contested by the beneficiary, then confirmed or cancelled by an agent
//! (issue 24, point 12). Each move is one transaction with its audit row; the status it starts
//! from is in the UPDATE's WHERE clause, so of two moves at once one happens and the other
//! finds the fee already moved.

use app::api::backend::{SiteStore, StoreError};
use app::model::after_connection::{FeeMove, FeeStatus, NoticeKind};
use app::model::case::AuditAction;
use app::model::{BusinessId, CalendarDate, PersonId, SiteId};

use super::SqlSiteStore;
use crate::clock::now_rfc3339;
use crate::store::audit::{self, Event};
use crate::store::failed;
use crate::store::inbox::{self, NewNotice};

/// Where a move on a fee ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeeOutcome {
    Done,
    /// No such false alert on a site the caller may act on.
    NotFound,
    /// The fee is not where the move starts (contested already, or not contested).
    WrongStatus,
}

/// Who moves the fee, with what words.
pub enum FeeActor<'a> {
    /// A member of the site's eSpace contests it.
    Member {
        person_id: &'a PersonId,
        business_id: &'a BusinessId,
        reason: &'a str,
    },
    /// An agent confirms (with the Police's reasons) or cancels it (with an optional note).
    Agent {
        agent_id: &'a PersonId,
        action: FeeMove,
        note: Option<&'a str>,
    },
}

impl SqlSiteStore {
    /// Applies the actor's move to the false alert `alert_id` of `site_id`.
    pub async fn move_fee(
        &self,
        site_id: &SiteId,
        alert_id: &str,
        actor: FeeActor<'_>,
    ) -> Result<FeeOutcome, StoreError> {
        let site = match &actor {
            FeeActor::Member {
                person_id,
                business_id,
                ..
            } => {
                self.site_for_member(person_id, business_id, site_id)
                    .await?
            }
            FeeActor::Agent { .. } => self.site(site_id).await?,
        };
        let Some(site) = site else {
            return Ok(FeeOutcome::NotFound);
        };
        let Some(alert) = site.false_alerts.iter().find(|a| a.id == alert_id) else {
            return Ok(FeeOutcome::NotFound);
        };
        let action = match &actor {
            FeeActor::Member { .. } => FeeMove::Contest,
            FeeActor::Agent { action, .. } => *action,
        };
        let Some(next) = alert.status.after(action) else {
            return Ok(FeeOutcome::WrongStatus);
        };
        let business_id = site.request.business_id.clone();
        let now = now_rfc3339();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let (update, person, words) = match &actor {
            FeeActor::Member {
                person_id, reason, ..
            } => (
                "UPDATE false_alerts SET fee_status = $1, contest_reason = $2, contested_by = $3,
                        contested_at = $4
                 WHERE id = $5 AND site_id = $6 AND fee_status = $7",
                *person_id,
                Some(*reason),
            ),
            FeeActor::Agent { agent_id, note, .. } => (
                "UPDATE false_alerts SET fee_status = $1, decision_note = $2, decided_by = $3,
                        decided_at = $4
                 WHERE id = $5 AND site_id = $6 AND fee_status = $7",
                *agent_id,
                *note,
            ),
        };
        let moved = sqlx::query(update)
            .bind(next.code())
            .bind(words)
            .bind(person.as_str())
            .bind(&now)
            .bind(alert_id)
            .bind(site_id.as_str())
            .bind(alert.status.code())
            .execute(&mut *tx)
            .await
            .map_err(failed)?
            .rows_affected();
        if moved != 1 {
            return Ok(FeeOutcome::WrongStatus);
        }
        let (event, notice) = match (&actor, next) {
            (FeeActor::Member { .. }, _) => {
                (Event::applicant(person, AuditAction::FeeContested), None)
            }
            (FeeActor::Agent { .. }, FeeStatus::Confirmed) => (
                Event::agent(person, AuditAction::FeeConfirmed),
                Some(NoticeKind::FeeConfirmed),
            ),
            (FeeActor::Agent { .. }, _) => (
                Event::agent(person, AuditAction::FeeCancelled),
                Some(NoticeKind::FeeCancelled),
            ),
        };
        audit::record(
            &mut *tx,
            event.on_site(&business_id, site_id).detail(alert_id),
        )
        .await?;
        if let Some(kind) = notice {
            let site_request = site_id.request();
            let day = CalendarDate::parse(&alert.occurred_on)
                .map_err(|_| crate::store::corrupt("occurred_on", &alert.occurred_on))?;
            inbox::add_notice(
                &mut *tx,
                NewNotice {
                    business_id: &business_id,
                    request_id: Some(&site_request),
                    kind,
                    due_on: day,
                    once_key: None,
                },
            )
            .await?;
        }
        tx.commit().await.map_err(failed)?;
        tracing::info!(site = %site_id, alert = alert_id, status = next.code(), "fee moved");
        if notice.is_some() {
            self.notifier.new_message(&business_id);
        }
        Ok(FeeOutcome::Done)
    }
}
