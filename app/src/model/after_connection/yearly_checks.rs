//! The yearly maintenance (R2005 Art. 8) and transmission test (procedure "Obligations") of a
//! connected site: what the applicant records (the day, with the certificate), and when the
//! next of each falls due.

use serde::{Deserialize, Serialize};

use super::{next_due, Connection};
use crate::model::CalendarDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum YearlyCheck {
    /// By the installer, with its certificate.
    Maintenance,
    /// With the CIN, through POST's ALARMIS line.
    TransmissionTest,
}

impl YearlyCheck {
    pub const ALL: [YearlyCheck; 2] = [YearlyCheck::Maintenance, YearlyCheck::TransmissionTest];

    pub fn code(self) -> &'static str {
        match self {
            YearlyCheck::Maintenance => "maintenance",
            YearlyCheck::TransmissionTest => "transmission_test",
        }
    }

    pub fn from_code(code: &str) -> Option<YearlyCheck> {
        YearlyCheck::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The message id of its name ("Yearly maintenance").
    pub fn title_id(self) -> String {
        format!("check-{}", self.code().replace('_', "-"))
    }
}

/// One recorded maintenance or test.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub id: String,
    pub check: YearlyCheck,
    /// The day it was done, `YYYY-MM-DD`.
    pub done_on: String,
    pub certificate_name: String,
    pub certificate_bytes: u64,
    /// Who recorded it, by name.
    pub recorded_by: String,
    pub recorded_at: String,
}

/// When the next of a check falls due, as of `today`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueCheck {
    pub check: YearlyCheck,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub overdue: bool,
}

/// Each check's next due date: a year after the last one recorded, or after the connection.
pub fn due_checks(
    connected_on: CalendarDate,
    records: &[CheckRecord],
    today: CalendarDate,
) -> Vec<DueCheck> {
    YearlyCheck::ALL
        .into_iter()
        .map(|check| {
            let last = records
                .iter()
                .filter(|r| r.check == check)
                .filter_map(|r| CalendarDate::parse(&r.done_on).ok())
                .max();
            let due = next_due(connected_on, last);
            DueCheck {
                check,
                due_on: due.iso(),
                overdue: due < today,
            }
        })
        .collect()
}

/// A recorded day must be a real day, not in the future, and not before the connection; a site
/// still waiting for its line has nothing to record yet. The message code names what the day
/// is of (`what`: "check", "alert"), so the person reads "the date of the maintenance", not
/// some other date's words.
pub fn check_done_on(
    input: &str,
    connection: Connection,
    today: CalendarDate,
    what: &str,
) -> Result<CalendarDate, String> {
    let Some(connected_on) = connection.connected_on() else {
        return Err("site-not-connected".to_owned());
    };
    let day = CalendarDate::parse_past(input, today).map_err(|e| format!("{what}-{}", e.code()))?;
    if day < connected_on {
        Err("check-before-connection".to_owned())
    } else {
        Ok(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    fn record(check: YearlyCheck, done_on: &str) -> CheckRecord {
        CheckRecord {
            id: done_on.to_owned(),
            check,
            done_on: done_on.to_owned(),
            certificate_name: "c.pdf".to_owned(),
            certificate_bytes: 1,
            recorded_by: "Marie Schmit".to_owned(),
            recorded_at: format!("{done_on}T10:00:00Z"),
        }
    }

    #[test]
    fn each_check_counts_from_its_own_last_record() {
        let connected = date(2026, 3, 15);
        let records = [
            record(YearlyCheck::Maintenance, "2027-02-01"),
            record(YearlyCheck::Maintenance, "2026-09-01"),
        ];
        let due = due_checks(connected, &records, date(2027, 3, 20));
        assert_eq!(due[0].due_on, "2028-02-01");
        assert!(!due[0].overdue);
        assert_eq!(due[1].check, YearlyCheck::TransmissionTest);
        assert_eq!(due[1].due_on, "2027-03-15");
        assert!(due[1].overdue, "no test recorded a year and five days on");
        let on_the_day = due_checks(connected, &[], date(2027, 3, 15));
        assert!(!on_the_day[1].overdue, "due today is not late yet");
    }

    #[test]
    fn a_recorded_day_is_real_past_and_after_the_connection() {
        let connected = Connection::Connected {
            approved_on: date(2026, 3, 1),
            on: date(2026, 3, 15),
        };
        let today = date(2026, 12, 1);
        assert_eq!(
            check_done_on("2026-11-30", connected, today, "check"),
            Ok(date(2026, 11, 30))
        );
        assert_eq!(
            check_done_on("2026-03-14", connected, today, "check"),
            Err("check-before-connection".to_owned())
        );
        assert_eq!(
            check_done_on("2026-12-02", connected, today, "check"),
            Err("check-date-in-future".to_owned())
        );
        assert_eq!(
            check_done_on("2026-02-30", connected, today, "alert"),
            Err("alert-date-format".to_owned())
        );
        let waiting = Connection::Waiting {
            approved_on: date(2026, 3, 1),
        };
        assert_eq!(
            check_done_on("2026-11-30", waiting, today, "check"),
            Err("site-not-connected".to_owned())
        );
        for check in YearlyCheck::ALL {
            assert_eq!(YearlyCheck::from_code(check.code()), Some(check));
        }
    }
}
