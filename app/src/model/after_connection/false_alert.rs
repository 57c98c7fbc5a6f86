//! A false alert's intervention as an agent records it (R2005 Art. 12-13): the day, its cause,
//! and the quantities its fee is computed from; the fee's status once the beneficiary contests
//! it. Sites with repeated false alerts are flagged for the disconnection decision of Art. 14.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{AlertCause, FeeComputation, FeeStatus, Intervention, CAUSE_FIELD};
use crate::model::{CalendarDate, FieldErrors, StepValues};

/// The record form's inputs, in page order.
pub const FALSE_ALERT_FIELDS: [&str; 6] = [
    "alert_date",
    CAUSE_FIELD,
    "persons",
    "hours",
    "kilometres",
    "vehicles",
];

/// Bounds no real intervention reaches: a slip of the keyboard stops here.
const MAX_PERSONS: u32 = 500;
const MAX_VEHICLES: u32 = 100;
const MAX_HOURS: Decimal = Decimal::from_parts(1_000, 0, 0, false, 0);
const MAX_KILOMETRES: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// How far back false alerts count towards the flag.
pub const FALSE_ALERT_WINDOW_DAYS: i64 = 365;

/// One recorded intervention with its fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FalseAlert {
    pub id: String,
    /// `YYYY-MM-DD`.
    pub occurred_on: String,
    pub fee: FeeComputation,
    /// The day the fee's index came into force; `None` for the configured value.
    pub index_since: Option<CalendarDate>,
    /// `None` for the alerts recorded before the cause was asked.
    pub cause: Option<AlertCause>,
    pub status: FeeStatus,
    /// The beneficiary's reason, once contested.
    pub contest_reason: Option<String>,
    /// The agent's reasons for confirming, or note for cancelling.
    pub decision_note: Option<String>,
    /// After a technical fault, the Police asks for the installer's verification certificate
    /// (the Police's practice, a setting: AR1998 Art. 14 as good practice, not R2005).
    pub installer_certificate_requested: bool,
    /// The agent, by name.
    pub recorded_by: String,
    pub recorded_at: String,
}

/// A recorded false alert's checked answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewFalseAlert {
    pub day: CalendarDate,
    pub cause: AlertCause,
    pub intervention: Intervention,
}

/// A whole number typed in a form, within `0..=max`.
fn whole(values: &StepValues, field: &str, max: u32) -> Result<u32, &'static str> {
    let text = values.get(field).map(|v| v.trim()).unwrap_or_default();
    if text.is_empty() {
        return Err("number-required");
    }
    match text.parse::<u32>() {
        Ok(n) if n <= max => Ok(n),
        Ok(_) => Err("number-too-large"),
        Err(_) => Err("number-whole"),
    }
}

/// A decimal typed with a point or a comma ("1,5"), within `0..=max`.
fn decimal(values: &StepValues, field: &str, max: Decimal) -> Result<Decimal, &'static str> {
    let text = values.get(field).map(|v| v.trim()).unwrap_or_default();
    if text.is_empty() {
        return Err("number-required");
    }
    match text.replace(',', ".").parse::<Decimal>() {
        Ok(n) if n < Decimal::ZERO => Err("number-negative"),
        Ok(n) if n > max => Err("number-too-large"),
        // Cents of a kilometre or an hour mean nothing; two decimals are plenty.
        Ok(n) if n.scale() > 2 => Err("number-decimals"),
        Ok(n) => Ok(n),
        Err(_) => Err("number-format"),
    }
}

/// The form's values checked: the day (not in the future, not before the connection), the
/// cause and the intervention; or a message for each wrong input.
pub fn check_false_alert(
    values: &StepValues,
    connection: super::Connection,
    today: CalendarDate,
) -> Result<NewFalseAlert, FieldErrors> {
    let mut errors = FieldErrors::default();
    let day = match super::check_done_on(
        values
            .get("alert_date")
            .map(String::as_str)
            .unwrap_or_default(),
        connection,
        today,
        "alert",
    ) {
        Ok(day) => Some(day),
        Err(code) => {
            errors.add("alert_date", &code, None);
            None
        }
    };
    let cause = values
        .get(CAUSE_FIELD)
        .and_then(|code| AlertCause::from_code(code));
    if cause.is_none() {
        errors.add(CAUSE_FIELD, "alert-cause-required", None);
    }
    let mut note = |field: &str, result: Result<(), &'static str>| {
        if let Err(code) = result {
            errors.add(field, code, None);
        }
    };
    let persons = whole(values, "persons", MAX_PERSONS);
    note("persons", persons.map(drop));
    if persons == Ok(0) {
        note("persons", Err("fee-intervention-no-persons"));
    }
    let hours = decimal(values, "hours", MAX_HOURS);
    note("hours", hours.map(drop));
    let kilometres = decimal(values, "kilometres", MAX_KILOMETRES);
    note("kilometres", kilometres.map(drop));
    let vehicles = whole(values, "vehicles", MAX_VEHICLES);
    note("vehicles", vehicles.map(drop));
    match (day, cause, persons, hours, kilometres, vehicles) {
        (Some(day), Some(cause), Ok(persons), Ok(hours), Ok(kilometres), Ok(vehicles))
            if errors.is_empty() =>
        {
            Ok(NewFalseAlert {
                day,
                cause,
                intervention: Intervention {
                    persons,
                    hours,
                    kilometres,
                    vehicles,
                },
            })
        }
        _ => {
            errors.sort_by_order(&FALSE_ALERT_FIELDS);
            Err(errors)
        }
    }
}

/// Whether the false alerts of the last [`FALSE_ALERT_WINDOW_DAYS`] reach `threshold`.
pub fn is_repeated(alerts: &[FalseAlert], today: CalendarDate, threshold: u32) -> bool {
    let since = today.add_days(-FALSE_ALERT_WINDOW_DAYS);
    let recent = alerts
        .iter()
        .filter_map(|a| CalendarDate::parse(&a.occurred_on).ok())
        .filter(|day| *day > since)
        .count();
    threshold > 0 && recent >= threshold as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    use crate::model::step_form::values_of as form;

    #[test]
    fn an_intervention_is_read_with_commas_and_checked_field_by_field() {
        let today = date(2026, 12, 1);
        let connected = super::super::Connection::Connected {
            approved_on: date(2026, 1, 2),
            on: date(2026, 1, 10),
        };
        let recorded = check_false_alert(
            &form(&[
                ("alert_date", "2026-11-30"),
                ("cause", "technical_fault"),
                ("persons", "2"),
                ("hours", "1,5"),
                ("kilometres", "12.4"),
                ("vehicles", "1"),
            ]),
            connected,
            today,
        )
        .unwrap();
        assert_eq!(recorded.day, date(2026, 11, 30));
        assert_eq!(recorded.cause, AlertCause::TechnicalFault);
        assert_eq!(recorded.intervention.hours, "1.5".parse().unwrap());
        let errors = check_false_alert(
            &form(&[
                ("alert_date", "2026-12-02"),
                ("cause", "fire"),
                ("persons", "0"),
                ("hours", "-1"),
                ("kilometres", "abc"),
                ("vehicles", "1.5"),
            ]),
            connected,
            today,
        )
        .unwrap_err();
        let codes: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("alert_date", "alert-date-in-future"),
                ("cause", "alert-cause-required"),
                ("persons", "fee-intervention-no-persons"),
                ("hours", "number-negative"),
                ("kilometres", "number-format"),
                ("vehicles", "number-whole"),
            ]
        );
    }

    #[test]
    fn alerts_are_repeated_from_the_threshold_within_a_year() {
        let alert = |day: &str| FalseAlert {
            id: day.to_owned(),
            occurred_on: day.to_owned(),
            fee: FeeComputation::new(
                Intervention {
                    persons: 1,
                    hours: Decimal::ONE,
                    kilometres: Decimal::ZERO,
                    vehicles: 0,
                },
                "100".parse().unwrap(),
            )
            .unwrap(),
            index_since: None,
            cause: None,
            status: FeeStatus::Charged,
            contest_reason: None,
            decision_note: None,
            installer_certificate_requested: false,
            recorded_by: String::new(),
            recorded_at: String::new(),
        };
        let today = date(2026, 12, 1);
        let alerts = [
            alert("2026-11-01"),
            alert("2026-06-01"),
            alert("2025-11-30"),
        ];
        assert!(
            !is_repeated(&alerts, today, 3),
            "the third is older than a year"
        );
        assert!(is_repeated(&alerts, today, 2));
        assert!(!is_repeated(&alerts, today, 0), "0 turns the flag off");
    }
}
