//! When the yearly maintenance (R2005 Art. 8) and the yearly transmission test (procedure
//! "Obligations") fall due, and when the inbox reminds of them.

use serde::{Deserialize, Serialize};

use crate::model::CalendarDate;

/// How many days before a due date the first reminder comes.
pub const REMINDER_LEAD_DAYS: i64 = 30;

/// The two reminders of one due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reminder {
    /// Thirty days before: time to book the installer.
    Soon,
    /// On the day itself.
    Due,
}

/// The next due date: a year after the last one recorded, or a year after the connection when
/// none is recorded yet (the first maintenance is due a year after the system went live).
pub fn next_due(connected_on: CalendarDate, last_done: Option<CalendarDate>) -> CalendarDate {
    last_done
        .filter(|done| *done >= connected_on)
        .unwrap_or(connected_on)
        .next_year()
}

/// The days the reminders of `due` are sent on, in order.
pub fn reminder_days(due: CalendarDate) -> [(Reminder, CalendarDate); 2] {
    [
        (Reminder::Soon, due.add_days(-REMINDER_LEAD_DAYS)),
        (Reminder::Due, due),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    #[test]
    fn the_first_is_due_a_year_after_the_connection_then_a_year_after_each() {
        let connected = date(2026, 3, 15);
        assert_eq!(next_due(connected, None), date(2027, 3, 15));
        assert_eq!(
            next_due(connected, Some(date(2027, 2, 1))),
            date(2028, 2, 1)
        );
        // A date from before the connection (a typing slip) does not pull the due date back.
        assert_eq!(
            next_due(connected, Some(date(2025, 1, 1))),
            date(2027, 3, 15)
        );
    }

    #[test]
    fn a_leap_day_falls_due_on_the_28th_of_february() {
        assert_eq!(next_due(date(2028, 2, 29), None), date(2029, 2, 28));
        assert_eq!(date(2031, 2, 28).next_year(), date(2032, 2, 28));
        assert_eq!(date(2027, 2, 28).next_year(), date(2028, 2, 28));
    }

    #[test]
    fn reminders_come_thirty_days_before_and_on_the_day() {
        assert_eq!(
            reminder_days(date(2027, 3, 15)),
            [
                (Reminder::Soon, date(2027, 2, 13)),
                (Reminder::Due, date(2027, 3, 15))
            ]
        );
        // Across a year's end and a leap February.
        assert_eq!(reminder_days(date(2027, 1, 10))[0].1, date(2026, 12, 11));
        assert_eq!(reminder_days(date(2028, 3, 1))[0].1, date(2028, 1, 31));
    }

    #[test]
    fn days_count_both_ways() {
        for days in [-800_000, -1, 0, 1, 59, 60, 365, 11_016, 20_423, 2_932_896] {
            assert_eq!(CalendarDate::from_unix_days(days).to_unix_days(), days);
        }
        assert_eq!(date(1970, 1, 1).to_unix_days(), 0);
        assert_eq!(date(2026, 12, 31).add_days(1), date(2027, 1, 1));
    }
}
