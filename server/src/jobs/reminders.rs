//! The reminders of the yearly maintenance and transmission test: 30 days before the due date
//! and on the day, in the eSpace's inbox and by mail when mail is on.
//!
//! The background jobs (`jobs/mod.rs`) run them. They survive restarts because they keep no state
//! of their own: each run looks at every site as of today and writes the reminders whose day
//! has come (a run missed while the portal was down is caught up by the next one). They run
//! once across processes twice over: the jobs' lease lets one process run at a time, and each
//! reminder has a unique key, so a second writer of the same reminder writes nothing.

use app::api::backend::StoreError;
use app::model::after_connection::{next_due, reminder_days, NoticeKind, Reminder, YearlyCheck};
use app::model::CalendarDate;
use sqlx::AnyPool;

use crate::clock::Clock;
use crate::mail::Notifier;
use crate::store::inbox::{self, NewNotice};
use crate::store::sites;

fn notice_kind(check: YearlyCheck, reminder: Reminder) -> NoticeKind {
    match (check, reminder) {
        (YearlyCheck::Maintenance, Reminder::Soon) => NoticeKind::MaintenanceSoon,
        (YearlyCheck::Maintenance, Reminder::Due) => NoticeKind::MaintenanceDue,
        (YearlyCheck::TransmissionTest, Reminder::Soon) => NoticeKind::TestSoon,
        (YearlyCheck::TransmissionTest, Reminder::Due) => NoticeKind::TestDue,
    }
}

/// The reminder a check needs today, if any: the latest whose day has come (a portal that was
/// down on the 30-days-before day and comes back after the due date sends only "due").
pub fn reminder_for(due: CalendarDate, today: CalendarDate) -> Option<Reminder> {
    reminder_days(due)
        .into_iter()
        .rev()
        .find(|(_, day)| *day <= today)
        .map(|(reminder, _)| reminder)
}

/// One run over every connected site; how many reminders it wrote.
pub async fn run_once(db: &AnyPool, clock: &Clock, notifier: &Notifier) -> Result<u32, StoreError> {
    let today = clock.today().await?;
    let mut written = 0;
    for site in sites::site_dates(db).await? {
        let site_request = site.site_id.request();
        for check in YearlyCheck::ALL {
            let last = sites::last_check(db, &site.site_id, check).await?;
            let due = next_due(site.connected_on, last);
            let Some(reminder) = reminder_for(due, today) else {
                continue;
            };
            let kind = notice_kind(check, reminder);
            let notice = NewNotice {
                business_id: &site.business_id,
                request_id: Some(&site_request),
                kind,
                due_on: due,
                once_key: Some(format!("{}/{}/{}", site.site_id, kind.code(), due.iso())),
            };
            if inbox::add_notice(db, notice).await? {
                written += 1;
                notifier.new_message(&site.business_id);
            }
        }
    }
    if written > 0 {
        tracing::info!(written, today = %today.iso(), "reminders written");
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    #[test]
    fn the_reminder_of_the_day_is_the_latest_whose_day_has_come() {
        let due = date(2027, 3, 15);
        assert_eq!(reminder_for(due, date(2027, 2, 12)), None);
        assert_eq!(reminder_for(due, date(2027, 2, 13)), Some(Reminder::Soon));
        assert_eq!(reminder_for(due, date(2027, 3, 14)), Some(Reminder::Soon));
        assert_eq!(reminder_for(due, date(2027, 3, 15)), Some(Reminder::Due));
        assert_eq!(reminder_for(due, date(2027, 9, 1)), Some(Reminder::Due));
    }
}
