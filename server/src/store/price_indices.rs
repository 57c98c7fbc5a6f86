//! The weighted cost-of-living index's values with the day each came into force (R2005
//! Art. 13; issue 24, point 1): agents enter them, every entry audited; the false alerts' fees
//! read the one in force on the alert's day (`index_on`).

use app::api::backend::StoreError;
use app::model::after_connection::{index_on, IndexEntry, IndexInForce, PriceIndex};
use app::model::case::AuditAction;
use app::model::{CalendarDate, PersonId};
use sqlx::{AnyPool, Row};

use crate::clock::now_rfc3339;
use crate::store::audit::{self, Event};
use crate::store::{corrupt, failed};

/// Every entry, the latest day first.
pub async fn entries<'e, E>(db: E) -> Result<Vec<IndexEntry>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "SELECT i.valid_from, i.value, i.entered_at, p.given_name, p.family_name
         FROM price_indices i JOIN persons p ON p.id = i.entered_by
         ORDER BY i.valid_from DESC",
    )
    .fetch_all(db)
    .await
    .map_err(failed)?
    .iter()
    .map(|row| {
        let day: String = row.get("valid_from");
        let value: String = row.get("value");
        Ok(IndexEntry {
            valid_from: CalendarDate::parse(&day).map_err(|_| corrupt("index day", &day))?,
            value: value
                .parse::<PriceIndex>()
                .map_err(|_| corrupt("index value", &value))?,
            entered_by: format!(
                "{} {}",
                row.get::<String, _>("given_name"),
                row.get::<String, _>("family_name")
            ),
            entered_at: row.get("entered_at"),
        })
    })
    .collect()
}

/// The index in force on `day` (the configured value before every entry).
pub async fn in_force_on<'e, E>(
    db: E,
    day: CalendarDate,
    configured: PriceIndex,
) -> Result<IndexInForce, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    Ok(index_on(&entries(db).await?, day, configured))
}

/// Enters (or corrects) the value in force from `valid_from`, with its audit row. Fees
/// already recorded keep the value they were computed with.
pub async fn enter(
    db: &AnyPool,
    agent_id: &PersonId,
    valid_from: CalendarDate,
    value: PriceIndex,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await.map_err(failed)?;
    sqlx::query(
        "INSERT INTO price_indices (valid_from, value, entered_by, entered_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (valid_from) DO UPDATE SET value = $2, entered_by = $3, entered_at = $4",
    )
    .bind(valid_from.iso())
    .bind(value.value().to_string())
    .bind(agent_id.as_str())
    .bind(now_rfc3339())
    .execute(&mut *tx)
    .await
    .map_err(failed)?;
    audit::record(
        &mut *tx,
        Event::agent(agent_id, AuditAction::IndexEntered).detail(format!(
            "{}={}",
            valid_from.iso(),
            value.value()
        )),
    )
    .await?;
    tx.commit().await.map_err(failed)?;
    tracing::info!(from = %valid_from.iso(), value = %value.value(), "price index entered");
    Ok(())
}
