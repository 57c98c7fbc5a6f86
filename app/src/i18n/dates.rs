//! Times as people in Luxembourg read them: stored in UTC (RFC 3339), shown in Luxembourg's
//! own time (CET, or CEST in summer) and in the page's language ("24 novembre 2026 à 15:05").
//! No time-zone database: the European Union's rule is fixed (summer time from the last Sunday
//! of March to the last Sunday of October, changing at 01:00 UTC), and it keeps the bundle small.

/// A day and a time of day on Luxembourg's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    /// `None` for a date without a time (`2026-11-24`).
    pub time: Option<(u32, u32)>,
}

impl LocalTime {
    /// Reads `2026-11-24`, or `2026-11-24T14:05:09Z` (with fractions, or an explicit `+00:00`)
    /// moved to Luxembourg's time; `None` for anything else.
    pub fn parse(stamp: &str) -> Option<LocalTime> {
        let number = |range: std::ops::Range<usize>| stamp.get(range)?.parse::<u32>().ok();
        let (year, month, day) = (i64::from(number(0..4)?), number(5..7)?, number(8..10)?);
        if stamp.get(4..5)? != "-" || stamp.get(7..8)? != "-" || !(1..=12).contains(&month) {
            return None;
        }
        if !(1..=days_in_month(year, month)).contains(&day) {
            return None;
        }
        if stamp.len() == 10 {
            return Some(LocalTime {
                year,
                month,
                day,
                time: None,
            });
        }
        let (hour, minute) = (number(11..13)?, number(14..16)?);
        let rest = stamp.get(16..)?;
        let utc = rest.ends_with('Z') || rest.ends_with("+00:00");
        if !matches!(stamp.get(10..11)?, "T" | " ") || hour > 23 || minute > 59 || !utc {
            return None;
        }
        let minutes_utc = days_from_civil(year, month, day) * 1440 + i64::from(hour * 60 + minute);
        let local = minutes_utc + 60 * luxembourg_offset_hours(minutes_utc);
        let (year, month, day) = civil_from_days(local.div_euclid(1440));
        let of_day = local.rem_euclid(1440);
        Some(LocalTime {
            year,
            month,
            day,
            time: Some(((of_day / 60) as u32, (of_day % 60) as u32)),
        })
    }
}

/// One hour ahead of UTC in winter, two in summer (EU Directive 2000/84/EC).
fn luxembourg_offset_hours(minutes_utc: i64) -> i64 {
    let (year, _, _) = civil_from_days(minutes_utc.div_euclid(1440));
    let starts = last_sunday(year, 3) * 1440 + 60;
    let ends = last_sunday(year, 10) * 1440 + 60;
    if (starts..ends).contains(&minutes_utc) {
        2
    } else {
        1
    }
}

/// The day number (days since 1970-01-01) of the month's last Sunday.
fn last_sunday(year: i64, month: u32) -> i64 {
    let last = days_from_civil(year, month, days_in_month(year, month));
    // 1970-01-01 was a Thursday: day 0 is weekday 4 counting from Sunday = 0.
    last - (last + 4).rem_euclid(7)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(stamp: &str) -> (i64, u32, u32, Option<(u32, u32)>) {
        let t = LocalTime::parse(stamp).unwrap_or_else(|| panic!("{stamp} parses"));
        (t.year, t.month, t.day, t.time)
    }

    #[test]
    fn winter_is_one_hour_ahead_and_summer_two() {
        assert_eq!(at("2026-11-24T14:05:09Z"), (2026, 11, 24, Some((15, 5))));
        assert_eq!(
            at("2026-07-01T08:30:00.123456Z"),
            (2026, 7, 1, Some((10, 30)))
        );
        assert_eq!(
            at("2026-07-01T08:30:00+00:00"),
            (2026, 7, 1, Some((10, 30)))
        );
    }

    #[test]
    fn the_clock_changes_at_one_in_the_morning_utc_on_the_last_sundays() {
        // 2026: 29 March and 25 October are the last Sundays.
        assert_eq!(at("2026-03-29T00:59:00Z"), (2026, 3, 29, Some((1, 59))));
        assert_eq!(at("2026-03-29T01:00:00Z"), (2026, 3, 29, Some((3, 0))));
        assert_eq!(at("2026-10-25T00:59:00Z"), (2026, 10, 25, Some((2, 59))));
        assert_eq!(at("2026-10-25T01:00:00Z"), (2026, 10, 25, Some((2, 0))));
        // 2027: 28 March.
        assert_eq!(at("2027-03-28T01:00:00Z"), (2027, 3, 28, Some((3, 0))));
    }

    #[test]
    fn the_local_day_can_be_the_next_one() {
        assert_eq!(at("2026-12-31T23:30:00Z"), (2027, 1, 1, Some((0, 30))));
        assert_eq!(at("2028-02-28T23:00:00Z"), (2028, 2, 29, Some((0, 0))));
    }

    #[test]
    fn dates_alone_and_nonsense() {
        assert_eq!(at("2026-11-24"), (2026, 11, 24, None));
        for nonsense in [
            "",
            "garbled",
            "2026-13-01",
            "2026-02-30",
            "2026-11-24T25:00:00Z",
            "2026-11-24T10:00:00+02:00",
            "24.11.2026",
        ] {
            assert_eq!(LocalTime::parse(nonsense), None, "{nonsense:?}");
        }
    }

    #[test]
    fn days_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_454, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
    }
}
