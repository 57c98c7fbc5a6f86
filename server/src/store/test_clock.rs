//! The test clock's offset (`ALARMIS_TEST_CLOCK=on` only): days added to today, one row that
//! every process of a test run reads, so they all agree on the day.

use app::api::backend::StoreError;
use sqlx::{AnyPool, Row};

use crate::store::failed;

pub async fn offset_days(db: &AnyPool) -> Result<i64, StoreError> {
    Ok(
        sqlx::query("SELECT offset_days FROM test_clock WHERE id = 1")
            .fetch_one(db)
            .await
            .map_err(failed)?
            .get("offset_days"),
    )
}

pub async fn advance(db: &AnyPool, days: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE test_clock SET offset_days = offset_days + $1 WHERE id = 1")
        .bind(days)
        .execute(db)
        .await
        .map_err(failed)?;
    Ok(())
}
