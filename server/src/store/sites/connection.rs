//! The day a site's line was connected (DOMAIN.md, "After connection": approval is not
//! connection). An agent records it once POST Luxembourg connected the line or the first
//! transmission test succeeded; the yearly dates count from it, and the eSpace is told.

use app::api::backend::StoreError;
use app::model::after_connection::NoticeKind;
use app::model::case::AuditAction;
use app::model::{CalendarDate, PersonId, SiteId};

use super::{SqlSiteStore, IS_SITE};
use crate::clock::now_rfc3339;
use crate::store::audit::{self, Event};
use crate::store::failed;
use crate::store::inbox::{self, NewNotice};

impl SqlSiteStore {
    /// Records (or corrects) the day `site_id` was connected; `false` when there is no such
    /// site. Callers check the agent's role and the day (`check_connection_day`).
    pub async fn record_connection(
        &self,
        agent_id: &PersonId,
        site_id: &SiteId,
        day: CalendarDate,
    ) -> Result<bool, StoreError> {
        let Some(site) = self.site(site_id).await? else {
            return Ok(false);
        };
        let business_id = site.request.business_id.clone();
        let mut tx = self.db.begin().await.map_err(failed)?;
        let moved = sqlx::query(&format!(
            "UPDATE requests SET connected_on = $1, connection_recorded_by = $2,
                    connection_recorded_at = $3
             WHERE id = $4 AND id IN (SELECT r.id FROM requests r WHERE {IS_SITE})"
        ))
        .bind(day.iso())
        .bind(agent_id.as_str())
        .bind(now_rfc3339())
        .bind(site_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
        if moved == 0 {
            return Ok(false);
        }
        audit::record(
            &mut *tx,
            Event::agent(agent_id, AuditAction::ConnectionRecorded)
                .on_site(&business_id, site_id)
                .detail(day.iso()),
        )
        .await?;
        let site_request = site_id.request();
        inbox::add_notice(
            &mut *tx,
            NewNotice {
                business_id: &business_id,
                request_id: Some(&site_request),
                kind: NoticeKind::Connected,
                due_on: day,
                once_key: None,
            },
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(site = %site_id, day = %day.iso(), "connection recorded");
        self.notifier.new_message(&business_id);
        Ok(true)
    }
}
