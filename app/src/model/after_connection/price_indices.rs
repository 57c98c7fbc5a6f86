//! Which index a false alert's fee is computed with (R2005 Art. 13; issue 24, point 1): the
//! weighted cost-of-living index **in force on the day of the false alert**, not on the day an
//! agent records it. Agents enter each value with the day it came into force (audited); a day
//! before the first entry takes the configured value (`ALARMIS_PRICE_INDEX`).

use serde::{Deserialize, Serialize};

use super::PriceIndex;
use crate::model::{CalendarDate, FieldErrors, StepValues};

/// The agents' form fields.
pub const INDEX_FROM_FIELD: &str = "index_from";
pub const INDEX_VALUE_FIELD: &str = "index_value";

/// One value of the index and the day it came into force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub valid_from: CalendarDate,
    pub value: PriceIndex,
    /// The agent who entered it, by name.
    pub entered_by: String,
    pub entered_at: String,
}

/// What the agents' page shows: every entry, the latest first, and the configured value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceIndices {
    pub configured: PriceIndex,
    pub entries: Vec<IndexEntry>,
}

/// The index a fee uses: its value, and the day it came into force (`None`: the configured
/// value, for a day before every entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInForce {
    pub value: PriceIndex,
    pub since: Option<CalendarDate>,
}

/// The index in force on `day`: the entry with the latest day of entry into force not after
/// it, else the configured value.
pub fn index_on(entries: &[IndexEntry], day: CalendarDate, configured: PriceIndex) -> IndexInForce {
    entries
        .iter()
        .filter(|entry| entry.valid_from <= day)
        .max_by_key(|entry| entry.valid_from)
        .map_or(
            IndexInForce {
                value: configured,
                since: None,
            },
            |entry| IndexInForce {
                value: entry.value,
                since: Some(entry.valid_from),
            },
        )
}

/// The agents' form checked: a real day (an index announced ahead may be entered before it
/// applies) and a positive value, typed "944,43" or "944.43".
pub fn check_index_entry(values: &StepValues) -> Result<(CalendarDate, PriceIndex), FieldErrors> {
    let mut errors = FieldErrors::default();
    let typed = |field: &str| values.get(field).map(|v| v.trim()).unwrap_or_default();
    let day = match CalendarDate::parse(typed(INDEX_FROM_FIELD)) {
        Ok(day) => Some(day),
        Err(error) => {
            errors.add(
                INDEX_FROM_FIELD,
                &format!("index-from-{}", error.code()),
                None,
            );
            None
        }
    };
    let value = typed(INDEX_VALUE_FIELD)
        .replace(',', ".")
        .parse::<PriceIndex>();
    if value.is_err() {
        errors.add(INDEX_VALUE_FIELD, "index-value-invalid", None);
    }
    match (day, value) {
        (Some(day), Ok(value)) => Ok((day, value)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    fn entry(valid_from: CalendarDate, value: &str) -> IndexEntry {
        IndexEntry {
            valid_from,
            value: value.parse().unwrap(),
            entered_by: "Claude Muller".into(),
            entered_at: "2026-12-01T10:00:00Z".into(),
        }
    }

    #[test]
    fn the_index_of_the_alerts_day_applies_whenever_it_is_recorded() {
        let configured: PriceIndex = "944.43".parse().unwrap();
        let entries = [
            entry(date(2026, 10, 1), "968.04"),
            entry(date(2025, 5, 1), "944.43"),
        ];
        let on = |day| index_on(&entries, day, configured);
        assert_eq!(on(date(2025, 4, 30)).since, None, "before every entry");
        assert_eq!(on(date(2025, 4, 30)).value, configured);
        assert_eq!(on(date(2026, 9, 30)).since, Some(date(2025, 5, 1)));
        assert_eq!(on(date(2026, 10, 1)).value, "968.04".parse().unwrap());
        assert_eq!(on(date(2026, 12, 7)).since, Some(date(2026, 10, 1)));
    }

    #[test]
    fn an_entry_needs_a_real_day_and_a_positive_value() {
        let form = |from: &str, value: &str| -> StepValues {
            [
                (INDEX_FROM_FIELD.to_owned(), from.to_owned()),
                (INDEX_VALUE_FIELD.to_owned(), value.to_owned()),
            ]
            .into()
        };
        assert_eq!(
            check_index_entry(&form("2027-01-01", "968,04")),
            Ok((date(2027, 1, 1), "968.04".parse().unwrap()))
        );
        let codes = |values| -> Vec<String> {
            check_index_entry(&values)
                .unwrap_err()
                .iter()
                .map(|e| e.code.clone())
                .collect()
        };
        assert_eq!(
            codes(form("2026-02-30", "0")),
            ["index-from-date-format", "index-value-invalid"]
        );
        assert_eq!(
            codes(form("", "abc")),
            ["index-from-date-required", "index-value-invalid"]
        );
    }
}
