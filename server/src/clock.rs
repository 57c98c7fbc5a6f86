//! Timestamps as the database stores them (RFC 3339, UTC, whole seconds: sorts as text), and
//! the day it is in Luxembourg, which the yearly obligations count in. Tests move that day
//! forward (`ALARMIS_TEST_CLOCK=on`): the offset lives in the database so every process of a
//! test run agrees on it.

use app::api::backend::StoreError;
use app::i18n::LocalTime;
use app::model::CalendarDate;
use sqlx::AnyPool;

use crate::store::test_clock;

pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The day of a Unix time on Luxembourg's clock.
pub fn luxembourg_date(unix_seconds: i64) -> CalendarDate {
    let stamp = chrono::DateTime::from_timestamp(unix_seconds, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    LocalTime::parse(&stamp)
        .and_then(|t| {
            Some(CalendarDate {
                year: i32::try_from(t.year).ok()?,
                month: t.month,
                day: t.day,
            })
        })
        .unwrap_or_else(CalendarDate::today)
}

/// What "today" is for due dates and reminders.
#[derive(Clone, Debug)]
pub struct Clock {
    /// `Some` only when the test clock is on.
    adjustable: Option<AnyPool>,
}

impl Clock {
    pub fn real() -> Clock {
        Clock { adjustable: None }
    }

    pub fn adjustable(db: AnyPool) -> Clock {
        Clock {
            adjustable: Some(db),
        }
    }

    pub fn is_adjustable(&self) -> bool {
        self.adjustable.is_some()
    }

    async fn offset_days(&self) -> Result<i64, StoreError> {
        let Some(db) = &self.adjustable else {
            return Ok(0);
        };
        test_clock::offset_days(db).await
    }

    /// Now, in Unix seconds (moved forward by the test clock's days).
    pub async fn now_unix(&self) -> Result<i64, StoreError> {
        Ok(unix_now() + self.offset_days().await? * 86_400)
    }

    pub async fn today(&self) -> Result<CalendarDate, StoreError> {
        Ok(luxembourg_date(self.now_unix().await?))
    }

    /// Moves a test clock `days` forward; the new day. Refused on the real clock.
    pub async fn advance(&self, days: i64) -> Result<Option<CalendarDate>, StoreError> {
        let Some(db) = &self.adjustable else {
            return Ok(None);
        };
        test_clock::advance(db, days).await?;
        self.today().await.map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_is_luxembourgs() {
        // 2026-12-01T23:30:00Z is already 2 December in Luxembourg (UTC+1 in winter).
        let late = 1_796_167_800;
        assert_eq!(
            luxembourg_date(late),
            CalendarDate {
                year: 2026,
                month: 12,
                day: 2
            }
        );
    }
}
