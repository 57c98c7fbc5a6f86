//! The yearly maintenance and transmission test recorded for a site, with their certificates.

use app::api::backend::StoreError;
use app::model::after_connection::{CheckRecord, YearlyCheck};
use app::model::case::AuditAction;
use app::model::CalendarDate;
use app::model::{BusinessId, PersonId, SiteId};
use sqlx::{AnyPool, Row};

use super::SqlSiteStore;
use crate::clock::now_rfc3339;
use crate::store::audit::{self, Event};
use crate::store::{corrupt, failed};

/// A check to record, its certificate already in the object store.
pub struct NewCheck {
    pub check: YearlyCheck,
    pub done_on: CalendarDate,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: u64,
    pub sha256: String,
    pub storage_key: String,
}

/// Where a certificate's bytes are, and how to send them.
pub struct StoredCertificate {
    pub storage_key: String,
    pub content_type: String,
    pub file_name: String,
}

impl SqlSiteStore {
    /// Records a check of a site (callers check the membership and the day first).
    pub async fn record_check(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
        site_id: &SiteId,
        new: &NewCheck,
    ) -> Result<(), StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let mut tx = self.db.begin().await.map_err(failed)?;
        sqlx::query(
            "INSERT INTO site_checks (id, site_id, business_id, kind, done_on, file_name,
                 content_type, size_bytes, sha256, storage_key, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&id)
        .bind(site_id.as_str())
        .bind(business_id.as_str())
        .bind(new.check.code())
        .bind(new.done_on.iso())
        .bind(&new.file_name)
        .bind(&new.content_type)
        .bind(i64::try_from(new.size_bytes).unwrap_or(i64::MAX))
        .bind(&new.sha256)
        .bind(&new.storage_key)
        .bind(person_id.as_str())
        .bind(now_rfc3339())
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        audit::record(
            &mut *tx,
            Event::applicant(person_id, AuditAction::CheckRecorded)
                .on_site(business_id, site_id)
                .detail(new.check.code()),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        Ok(())
    }

    /// The site's recorded checks, the latest day first.
    pub(super) async fn checks_of(&self, site_id: &SiteId) -> Result<Vec<CheckRecord>, StoreError> {
        sqlx::query(
            "SELECT c.id, c.kind, c.done_on, c.file_name, c.size_bytes, c.recorded_at,
                    p.given_name, p.family_name
             FROM site_checks c JOIN persons p ON p.id = c.recorded_by
             WHERE c.site_id = $1 ORDER BY c.done_on DESC, c.recorded_at DESC",
        )
        .bind(site_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(|row| {
            let kind: String = row.get("kind");
            Ok(CheckRecord {
                id: row.get("id"),
                check: YearlyCheck::from_code(&kind).ok_or_else(|| corrupt("check", &kind))?,
                done_on: row.get("done_on"),
                certificate_name: row.get("file_name"),
                certificate_bytes: u64::try_from(row.get::<i64, _>("size_bytes")).unwrap_or(0),
                recorded_by: super::person_name(row),
                recorded_at: row.get("recorded_at"),
            })
        })
        .collect()
    }

    /// A check's certificate (callers check who asks first).
    pub async fn certificate(
        &self,
        site_id: &SiteId,
        check_id: &str,
    ) -> Result<Option<StoredCertificate>, StoreError> {
        Ok(sqlx::query(
            "SELECT storage_key, content_type, file_name FROM site_checks
             WHERE site_id = $1 AND id = $2",
        )
        .bind(site_id.as_str())
        .bind(check_id)
        .fetch_optional(&self.db)
        .await
        .map_err(failed)?
        .map(|row| StoredCertificate {
            storage_key: row.get("storage_key"),
            content_type: row.get("content_type"),
            file_name: row.get("file_name"),
        }))
    }
}

/// A connected site as the reminders need it.
pub struct SiteDates {
    pub site_id: SiteId,
    pub business_id: BusinessId,
    pub connected_on: CalendarDate,
}

/// Every site whose connection day is recorded (the yearly dates of the others do not run).
pub async fn site_dates(db: &AnyPool) -> Result<Vec<SiteDates>, StoreError> {
    sqlx::query(&format!(
        "SELECT r.id, r.business_id, r.connected_on FROM requests r
         WHERE r.connected_on IS NOT NULL AND {}",
        super::IS_SITE
    ))
    .fetch_all(db)
    .await
    .map_err(failed)?
    .iter()
    .map(|row| {
        let day: String = row.get("connected_on");
        Ok(SiteDates {
            site_id: SiteId::new(row.get::<String, _>("id")),
            business_id: BusinessId::new(row.get::<String, _>("business_id")),
            connected_on: CalendarDate::parse(&day).map_err(|_| corrupt("connected_on", &day))?,
        })
    })
    .collect()
}

/// The day of the latest `check` recorded for the site, if any.
pub async fn last_check(
    db: &AnyPool,
    site_id: &SiteId,
    check: YearlyCheck,
) -> Result<Option<CalendarDate>, StoreError> {
    let last: Option<String> = sqlx::query(
        "SELECT MAX(done_on) AS last FROM site_checks WHERE site_id = $1 AND kind = $2",
    )
    .bind(site_id.as_str())
    .bind(check.code())
    .fetch_one(db)
    .await
    .map_err(failed)?
    .get("last");
    Ok(last.and_then(|day| CalendarDate::parse(&day).ok()))
}
