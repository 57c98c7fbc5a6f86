//! Interventions after false alerts (R2005 Art. 12-13): an agent records one; its fee, computed
//! with the price index in force that day, goes to the eSpace's inbox.

use app::api::backend::StoreError;
use app::model::after_connection::{
    AlertCause, FalseAlert, FeeComputation, FeeStatus, Intervention, NewFalseAlert, NoticeKind,
    PriceIndex,
};
use app::model::case::AuditAction;
use app::model::{CalendarDate, PersonId, SiteId};
use sqlx::Row;

use super::SqlSiteStore;
use crate::clock::now_rfc3339;
use crate::store::audit::{self, Event};
use crate::store::price_indices;
use crate::store::{corrupt, failed};

impl SqlSiteStore {
    /// Records an intervention on `site_id` (callers check the agent's role and the values);
    /// `false` when there is no such site.
    pub async fn record_false_alert(
        &self,
        agent_id: &PersonId,
        site_id: &SiteId,
        alert: NewFalseAlert,
    ) -> Result<bool, StoreError> {
        let NewFalseAlert {
            day: occurred_on,
            cause,
            intervention,
        } = alert;
        let Some(site) = self.site(site_id).await? else {
            return Ok(false);
        };
        // The index in force on the alert's day, not today's (Art. 13).
        let in_force =
            price_indices::in_force_on(&self.db, occurred_on, self.policy.price_index).await?;
        let index = in_force.value;
        let fee = FeeComputation::new(intervention, index).map_err(failed)?;
        let business_id = site.request.business_id.clone();
        let id = uuid::Uuid::new_v4().to_string();
        let mut tx = self.db.begin().await.map_err(failed)?;
        sqlx::query(
            "INSERT INTO false_alerts (id, site_id, business_id, occurred_on, persons, hours,
                 kilometres, vehicles, price_index, total, recorded_by, recorded_at, cause,
                 index_from)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(&id)
        .bind(site_id.as_str())
        .bind(business_id.as_str())
        .bind(occurred_on.iso())
        .bind(i64::from(intervention.persons))
        .bind(intervention.hours.to_string())
        .bind(intervention.kilometres.to_string())
        .bind(i64::from(intervention.vehicles))
        .bind(index.value().to_string())
        .bind(fee.total.to_string())
        .bind(agent_id.as_str())
        .bind(now_rfc3339())
        .bind(cause.code())
        .bind(in_force.since.map(|day| day.iso()))
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        sqlx::query(
            "INSERT INTO espace_notices (id, business_id, request_id, kind, due_on, amount, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(business_id.as_str())
        .bind(site_id.as_str())
        .bind(NoticeKind::FalseAlertFee.code())
        .bind(occurred_on.iso())
        .bind(format!("{:.2}", fee.total))
        .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        audit::record(
            &mut *tx,
            Event::agent(agent_id, AuditAction::FalseAlertRecorded)
                .on_site(&business_id, site_id)
                .detail(&id),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(site = %site_id, total = %fee.total, "false alert recorded");
        self.notifier.new_message(&business_id);
        Ok(true)
    }

    /// The site's interventions, the latest first, each fee computed as it was recorded.
    pub(super) async fn false_alerts_of(
        &self,
        site_id: &SiteId,
    ) -> Result<Vec<FalseAlert>, StoreError> {
        sqlx::query(
            "SELECT f.id, f.occurred_on, f.persons, f.hours, f.kilometres, f.vehicles,
                    f.price_index, f.recorded_at, f.cause, f.fee_status, f.contest_reason,
                    f.decision_note, f.index_from, p.given_name, p.family_name
             FROM false_alerts f JOIN persons p ON p.id = f.recorded_by
             WHERE f.site_id = $1 ORDER BY f.occurred_on DESC, f.recorded_at DESC",
        )
        .bind(site_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(|row| {
            let id: String = row.get("id");
            let number = |column: &'static str| {
                row.get::<String, _>(column)
                    .parse()
                    .map_err(|_| corrupt(column, &id))
            };
            let count = |column: &'static str| {
                u32::try_from(row.get::<i64, _>(column)).map_err(|_| corrupt(column, &id))
            };
            let intervention = Intervention {
                persons: count("persons")?,
                hours: number("hours")?,
                kilometres: number("kilometres")?,
                vehicles: count("vehicles")?,
            };
            let index =
                PriceIndex::new(number("price_index")?).map_err(|_| corrupt("index", &id))?;
            let cause = match row.get::<Option<String>, _>("cause") {
                Some(code) => {
                    Some(AlertCause::from_code(&code).ok_or_else(|| corrupt("cause", &code))?)
                }
                None => None,
            };
            let status: String = row.get("fee_status");
            let status =
                FeeStatus::from_code(&status).ok_or_else(|| corrupt("fee status", &status))?;
            let index_since = match row.get::<Option<String>, _>("index_from") {
                Some(day) => {
                    Some(CalendarDate::parse(&day).map_err(|_| corrupt("index day", &day))?)
                }
                None => None,
            };
            Ok(FalseAlert {
                fee: FeeComputation::new(intervention, index).map_err(|_| corrupt("fee", &id))?,
                index_since,
                installer_certificate_requested: cause == Some(AlertCause::TechnicalFault)
                    && self.policy.installer_certificate_after_fault,
                cause,
                status,
                contest_reason: row.get("contest_reason"),
                decision_note: row.get("decision_note"),
                occurred_on: row.get("occurred_on"),
                recorded_by: super::person_name(row),
                recorded_at: row.get("recorded_at"),
                id,
            })
        })
        .collect()
    }
}
