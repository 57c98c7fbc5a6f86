//! Connected sites on the database: an approved connection request is the site's record; the
//! change reports sent to it apply, in the order they were sent, once an agent accepts them.

mod changes;
mod checks;
mod connection;
mod false_alerts;
mod fee_contests;

use app::api::backend::{SiteStore, StoreError};
use app::i18n::LocalTime;
use app::model::after_connection::{
    due_checks, is_repeated, AgentSite, ChangePart, ChangeStatus, CheckRecord, ConnectedSite,
    Connection, PriceIndices, SiteChange, SiteLine, YearlyCheck,
};
use app::model::answers::step_answers;
use app::model::connection::SiteStep;
use app::model::{BusinessId, PersonId, SiteId};
use app::model::{CalendarDate, StepValues, WizardStep};
use sqlx::{AnyPool, Row};

pub use changes::{ChangeOutcome, ChangeVerdict};
pub use checks::{last_check, site_dates, NewCheck, SiteDates, StoredCertificate};
pub use fee_contests::{FeeActor, FeeOutcome};

use crate::clock::Clock;
use crate::config::SitePolicy;
use crate::mail::Notifier;
use crate::store::requests::SqlRequestStore;
use crate::store::{corrupt, failed};

#[derive(Clone, Debug)]
pub struct SqlSiteStore {
    db: AnyPool,
    requests: SqlRequestStore,
    notifier: Notifier,
    clock: Clock,
    policy: SitePolicy,
}

/// The condition that makes a request a connected site.
pub(crate) const IS_SITE: &str = "r.procedure_kind = 'connection' AND r.status = 'approved'
     AND r.client_number IS NOT NULL";

/// The day of an RFC 3339 time on Luxembourg's clock, `YYYY-MM-DD`.
fn luxembourg_day(stamp: &str) -> String {
    LocalTime::parse(stamp)
        .map(|t| format!("{:04}-{:02}-{:02}", t.year, t.month, t.day))
        .unwrap_or_else(|| stamp.chars().take(10).collect())
}

/// "Marie Schmit" from a row's `given_name` and `family_name`.
fn person_name(row: &sqlx::any::AnyRow) -> String {
    format!(
        "{} {}",
        row.get::<String, _>("given_name"),
        row.get::<String, _>("family_name")
    )
}

/// Where a site's line stands, from its request's row: approved on `decided_at`'s day (on
/// Luxembourg's clock), connected on the day an agent recorded in `connected_on`, if any.
pub(crate) fn connection_of(row: &sqlx::any::AnyRow) -> Result<Connection, StoreError> {
    let decided_at: Option<String> = row.get("decided_at");
    let decided_at = decided_at.unwrap_or_default();
    let approved_on = CalendarDate::parse(&luxembourg_day(&decided_at))
        .map_err(|_| corrupt("decided_at", &decided_at))?;
    let connected_on: Option<String> = row.get("connected_on");
    let connected_on = match connected_on {
        Some(day) => Some(CalendarDate::parse(&day).map_err(|_| corrupt("connected_on", &day))?),
        None => None,
    };
    Ok(Connection::of(approved_on, connected_on))
}

/// "12 rue de la Gare, L-4130 Esch-sur-Alzette" from the site step's answers, read through
/// the step's struct and `Address` (the postcode written by `Postcode` alone: a prefix added
/// here once gave "L-L-4130"). Empty for answers that no longer pass the step's rules.
fn address_of(site: Option<&StepValues>) -> String {
    step_answers::<SiteStep>(site)
        .and_then(|site| site.address())
        .map(|address| address.to_string())
        .unwrap_or_default()
}

impl SqlSiteStore {
    pub fn new(
        db: AnyPool,
        requests: SqlRequestStore,
        notifier: Notifier,
        clock: Clock,
        policy: SitePolicy,
    ) -> SqlSiteStore {
        SqlSiteStore {
            db,
            requests,
            notifier,
            clock,
            policy,
        }
    }

    pub fn notifier(&self) -> &Notifier {
        &self.notifier
    }

    /// Today for due dates (the test clock's day when it is on).
    pub async fn today(&self) -> Result<CalendarDate, StoreError> {
        self.clock.today().await
    }

    /// A connected site, whoever asks (callers check the membership or the role), with the
    /// accepted changes applied.
    pub async fn site(&self, site_id: &SiteId) -> Result<Option<ConnectedSite>, StoreError> {
        let query = format!(
            "SELECT r.client_number, r.decided_at, r.connected_on FROM requests r
             WHERE r.id = $1 AND {IS_SITE}"
        );
        let Some(row) = sqlx::query(&query)
            .bind(site_id.as_str())
            .fetch_optional(&self.db)
            .await
            .map_err(failed)?
        else {
            return Ok(None);
        };
        let Some(mut request) = self
            .requests
            .request_by_id(&site_id.request(), None)
            .await?
        else {
            return Ok(None);
        };
        let changes = self.changes_of(site_id).await?;
        let mut accepted: Vec<&SiteChange> = changes
            .iter()
            .filter(|c| c.status == ChangeStatus::Accepted)
            .collect();
        accepted.sort_by(|a, b| a.decided_at.cmp(&b.decided_at));
        for change in accepted {
            change.part.apply(&mut request.answers, &change.proposed);
        }
        let connection = connection_of(&row)?;
        let checks = self.checks_of(site_id).await?;
        let today = self.today().await?;
        let due = connection
            .connected_on()
            .map(|on| due_checks(on, &checks, today))
            .unwrap_or_default();
        let false_alerts = self.false_alerts_of(site_id).await?;
        let repeated_false_alerts =
            is_repeated(&false_alerts, today, self.policy.false_alert_threshold);
        Ok(Some(ConnectedSite {
            request,
            client_number: row.get("client_number"),
            connection,
            changes,
            checks,
            due,
            false_alerts,
            repeated_false_alerts,
        }))
    }

    /// The site's change reports, newest first.
    async fn changes_of(&self, site_id: &SiteId) -> Result<Vec<SiteChange>, StoreError> {
        sqlx::query(
            "SELECT c.id, c.part, c.proposed, c.status, c.submitted_at, c.decided_at,
                    c.refusal_reason, p.given_name, p.family_name
             FROM site_changes c JOIN persons p ON p.id = c.submitted_by
             WHERE c.site_id = $1 ORDER BY c.submitted_at DESC, c.id DESC",
        )
        .bind(site_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(|row| {
            let part: String = row.get("part");
            let status: String = row.get("status");
            let proposed: String = row.get("proposed");
            Ok(SiteChange {
                id: row.get("id"),
                part: ChangePart::from_code(&part).ok_or_else(|| corrupt("part", &part))?,
                proposed: serde_json::from_str(&proposed)
                    .map_err(|_| corrupt("proposed change", &part))?,
                status: ChangeStatus::from_code(&status)
                    .ok_or_else(|| corrupt("change status", &status))?,
                submitted_at: row.get("submitted_at"),
                submitted_by: person_name(row),
                decided_at: row.get("decided_at"),
                refusal_reason: row.get("refusal_reason"),
            })
        })
        .collect()
    }

    /// Sites as list lines; `business_id` narrows to one eSpace.
    async fn lines(&self, business_id: Option<&BusinessId>) -> Result<Vec<SiteLine>, StoreError> {
        let filter = if business_id.is_some() {
            "AND r.business_id = $1"
        } else {
            ""
        };
        let query = format!(
            "SELECT r.id, r.business_id, r.client_number, r.decided_at, r.connected_on,
                    b.company_name, a.answers,
                    (SELECT COUNT(*) FROM site_changes c
                     WHERE c.site_id = r.id AND c.status = 'submitted') AS pending
             FROM requests r
             JOIN business_espaces b ON b.id = r.business_id
             LEFT JOIN request_answers a ON a.request_id = r.id AND a.step = '{site}'
             WHERE {IS_SITE} {filter}
             ORDER BY pending DESC, CASE WHEN r.connected_on IS NULL THEN 0 ELSE 1 END,
                      r.decided_at DESC, r.id",
            site = WizardStep::Site.slug()
        );
        let mut query = sqlx::query(&query);
        if let Some(business_id) = business_id {
            query = query.bind(business_id.as_str());
        }
        let rows = query.fetch_all(&self.db).await.map_err(failed)?;
        let today = self.today().await?;
        let mut lines = Vec::with_capacity(rows.len());
        for row in rows {
            let id = SiteId::new(row.get::<String, _>("id"));
            // The address as it is now: an accepted change never touches the site step's
            // address (the owner's part is the only one there), so the answers as approved do.
            let answers: Option<String> = row.get("answers");
            let site: Option<StepValues> =
                answers.and_then(|json| serde_json::from_str(&json).ok());
            let connection = connection_of(&row)?;
            let overdue = match connection.connected_on() {
                Some(on) => due_checks(on, &self.last_checks(&id).await?, today)
                    .iter()
                    .any(|d| d.overdue),
                None => false,
            };
            let repeated_false_alerts = self.recent_false_alerts(&id, today).await?
                >= u64::from(self.policy.false_alert_threshold);
            lines.push(SiteLine {
                business_id: BusinessId::new(row.get::<String, _>("business_id")),
                company: row.get("company_name"),
                client_number: row.get("client_number"),
                address: address_of(site.as_ref()),
                connection,
                pending_changes: u32::try_from(row.get::<i64, _>("pending")).unwrap_or(0),
                overdue,
                repeated_false_alerts,
                id,
            });
        }
        // Waiting reports first, then repeated false alerts, then late obligations.
        lines.sort_by_key(|line| {
            (
                line.pending_changes == 0,
                !line.repeated_false_alerts,
                !line.overdue,
            )
        });
        Ok(lines)
    }

    /// How many false alerts of the site fall within the flag's window.
    async fn recent_false_alerts(
        &self,
        site_id: &SiteId,
        today: CalendarDate,
    ) -> Result<u64, StoreError> {
        let since = today
            .add_days(-app::model::after_connection::FALSE_ALERT_WINDOW_DAYS)
            .iso();
        let n: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM false_alerts WHERE site_id = $1 AND occurred_on > $2",
        )
        .bind(site_id.as_str())
        .bind(since)
        .fetch_one(&self.db)
        .await
        .map_err(failed)?
        .get("n");
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The last day of each check recorded for a site, as records enough for the due dates.
    async fn last_checks(&self, site_id: &SiteId) -> Result<Vec<CheckRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT kind, MAX(done_on) AS last FROM site_checks WHERE site_id = $1 GROUP BY kind",
        )
        .bind(site_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                let kind: String = row.get("kind");
                Some(CheckRecord {
                    id: String::new(),
                    check: YearlyCheck::from_code(&kind)?,
                    done_on: row.get::<Option<String>, _>("last")?,
                    certificate_name: String::new(),
                    certificate_bytes: 0,
                    recorded_by: String::new(),
                    recorded_at: String::new(),
                })
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl SiteStore for SqlSiteStore {
    async fn sites_of_business(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<Vec<SiteLine>>, StoreError> {
        if !crate::store::espaces::is_member(&self.db, business_id, person_id).await? {
            return Ok(None);
        }
        self.lines(Some(business_id)).await.map(Some)
    }

    async fn site_for_member(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
        site_id: &SiteId,
    ) -> Result<Option<ConnectedSite>, StoreError> {
        if !crate::store::espaces::is_member(&self.db, business_id, person_id).await? {
            return Ok(None);
        }
        Ok(self
            .site(site_id)
            .await?
            .filter(|site| site.request.business_id == *business_id))
    }

    async fn agent_sites(&self) -> Result<Vec<SiteLine>, StoreError> {
        self.lines(None).await
    }

    async fn agent_site(&self, site_id: &SiteId) -> Result<Option<AgentSite>, StoreError> {
        Ok(self.site(site_id).await?.map(|site| AgentSite {
            company: site.request.company.clone(),
            site,
        }))
    }

    async fn price_indices(&self) -> Result<PriceIndices, StoreError> {
        Ok(PriceIndices {
            configured: self.policy.price_index,
            entries: crate::store::price_indices::entries(&self.db).await?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sites_address_writes_its_stored_postcode_once() {
        let answers: StepValues = [
            ("site_house_number", "12A"),
            ("site_street", "Grand-Rue"),
            ("site_postcode", "L-1660"),
            ("site_locality", "Luxembourg"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        assert_eq!(
            address_of(Some(&answers)),
            "12A Grand-Rue, L-1660 Luxembourg"
        );
    }

    #[test]
    fn the_connection_day_is_luxembourgs() {
        assert_eq!(luxembourg_day("2026-12-01T23:30:00Z"), "2026-12-02");
        assert_eq!(luxembourg_day("2026-07-01T21:59:00Z"), "2026-07-01");
    }
}
