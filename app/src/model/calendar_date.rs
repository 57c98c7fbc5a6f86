//! A day in the calendar, as `<input type="date">` sends it (`YYYY-MM-DD`), and today's date on
//! whichever side runs the check.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date-required")]
    Empty,
    #[error("date-format")]
    Format,
    #[error("date-in-future")]
    InFuture,
}

impl DateError {
    pub fn code(self) -> &'static str {
        match self {
            DateError::Empty => "date-required",
            DateError::Format => "date-format",
            DateError::InFuture => "date-in-future",
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl CalendarDate {
    /// `YYYY-MM-DD` (what date inputs send), or `DD/MM/YYYY` and `DD.MM.YYYY` (what people type
    /// where a browser shows a plain text box), for a real day between 1900 and 9999.
    pub fn parse(input: &str) -> Result<CalendarDate, DateError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(DateError::Empty);
        }
        let parts: Vec<&str> = input.split(['-', '/', '.']).collect();
        let [a, b, c] = parts.as_slice() else {
            return Err(DateError::Format);
        };
        let number = |s: &str| -> Result<u32, DateError> {
            if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Format);
            }
            s.parse().map_err(|_| DateError::Format)
        };
        let (year, month, day) = if a.len() == 4 {
            (number(a)?, number(b)?, number(c)?)
        } else if c.len() == 4 {
            (number(c)?, number(b)?, number(a)?)
        } else {
            return Err(DateError::Format);
        };
        let year = i32::try_from(year).map_err(|_| DateError::Format)?;
        if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) {
            return Err(DateError::Format);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Format);
        }
        Ok(CalendarDate { year, month, day })
    }

    /// A date that must already have happened (a certificate's issue date).
    pub fn parse_past(input: &str, today: CalendarDate) -> Result<CalendarDate, DateError> {
        let date = CalendarDate::parse(input)?;
        if date > today {
            return Err(DateError::InFuture);
        }
        Ok(date)
    }

    /// The civil date of a count of days since 1970-01-01 (H. Hinnant's algorithm).
    pub fn from_unix_days(days: i64) -> CalendarDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CalendarDate { year, month, day }
    }

    /// The count of days since 1970-01-01 (the inverse of `from_unix_days`).
    pub fn to_unix_days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let month = i64::from(self.month);
        let mp = if month > 2 { month - 3 } else { month + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> CalendarDate {
        CalendarDate::from_unix_days(self.to_unix_days() + days)
    }

    /// The same day a year later; 29 February becomes 28 February.
    pub fn next_year(self) -> CalendarDate {
        let year = self.year + 1;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let day = if self.month == 2 && self.day == 29 && !leap {
            28
        } else {
            self.day
        };
        CalendarDate {
            year,
            month: self.month,
            day,
        }
    }

    /// Today in UTC, from the clock of the side that runs the check.
    pub fn today() -> CalendarDate {
        CalendarDate::from_unix_days(unix_millis_now().div_euclid(86_400_000))
    }

    /// `YYYY-MM-DD`, the form's own format.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
fn unix_millis_now() -> i64 {
    js_sys::Date::now() as i64
}

#[cfg(not(all(target_arch = "wasm32", feature = "hydrate")))]
fn unix_millis_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    #[test]
    fn reads_the_date_input_format_and_the_usual_typed_ones() {
        assert_eq!(CalendarDate::parse("2024-02-29"), Ok(date(2024, 2, 29)));
        assert_eq!(CalendarDate::parse(" 01/03/2025 "), Ok(date(2025, 3, 1)));
        assert_eq!(CalendarDate::parse("15.10.2023"), Ok(date(2023, 10, 15)));
        assert_eq!(date(2025, 3, 1).iso(), "2025-03-01");
    }

    #[test]
    fn refuses_days_that_do_not_exist_and_other_shapes() {
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024-00-10",
            "1899-12-31",
            "24-01-01",
            "yesterday",
            "2024-1",
            "2024--01",
            "+2024-01-01",
        ] {
            assert_eq!(CalendarDate::parse(bad), Err(DateError::Format), "{bad}");
        }
        assert_eq!(CalendarDate::parse("  "), Err(DateError::Empty));
    }

    #[test]
    fn a_past_date_may_be_today_but_not_tomorrow() {
        let today = date(2026, 11, 23);
        assert!(CalendarDate::parse_past("2026-11-23", today).is_ok());
        assert_eq!(
            CalendarDate::parse_past("2026-11-24", today),
            Err(DateError::InFuture)
        );
    }

    #[test]
    fn unix_days_map_to_civil_dates() {
        assert_eq!(CalendarDate::from_unix_days(0), date(1970, 1, 1));
        assert_eq!(CalendarDate::from_unix_days(19_782), date(2024, 2, 29));
        assert_eq!(CalendarDate::from_unix_days(20_415), date(2025, 11, 23));
        assert!(CalendarDate::today() >= date(2026, 1, 1));
    }
}
