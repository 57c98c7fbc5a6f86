//! Approval is not connection (DOMAIN.md, "After connection"): once the Police approves a
//! request, POST Luxembourg connects the line and a first transmission test follows. A site is
//! "approved, waiting for connection" until an agent records the day it was connected (or of its
//! first successful transmission test); the yearly maintenance (R2005 Art. 8) and transmission
//! test (procedure) count from that day, not from the approval.

use serde::{Deserialize, Serialize};

use super::super::{CalendarDate, FieldErrors, StepValues};

/// The agent's form field: the day of connection, as `<input type="date">` sends it.
pub const CONNECTION_DAY_FIELD: &str = "connected_on";

/// Where a site's line stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Connection {
    /// Approved on that day; no connection recorded yet: no yearly date runs.
    Waiting { approved_on: CalendarDate },
    /// Approved, then connected on the later day `on`: the yearly dates count from it.
    Connected {
        approved_on: CalendarDate,
        on: CalendarDate,
    },
}

impl Connection {
    pub fn of(approved_on: CalendarDate, connected_on: Option<CalendarDate>) -> Connection {
        match connected_on {
            Some(on) => Connection::Connected { approved_on, on },
            None => Connection::Waiting { approved_on },
        }
    }

    /// The approval's day, whatever followed: a connection cannot be earlier.
    pub fn approved_on(self) -> CalendarDate {
        match self {
            Connection::Waiting { approved_on } | Connection::Connected { approved_on, .. } => {
                approved_on
            }
        }
    }

    pub fn connected_on(self) -> Option<CalendarDate> {
        match self {
            Connection::Connected { on, .. } => Some(on),
            Connection::Waiting { .. } => None,
        }
    }
}

/// The agent's day checked: a real day, not in the future, not before the approval (a line is
/// connected for an approved request only); or the message for the field.
pub fn check_connection_day(
    values: &StepValues,
    approved_on: CalendarDate,
    today: CalendarDate,
) -> Result<CalendarDate, FieldErrors> {
    let typed = values
        .get(CONNECTION_DAY_FIELD)
        .map(String::as_str)
        .unwrap_or_default();
    let code = match CalendarDate::parse_past(typed, today) {
        Ok(day) if day >= approved_on => return Ok(day),
        Ok(_) => "connection-before-approval".to_owned(),
        Err(error) => format!("connection-{}", error.code()),
    };
    Err(FieldErrors::single(CONNECTION_DAY_FIELD, &code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    fn typed(day: &str) -> StepValues {
        [(CONNECTION_DAY_FIELD.to_owned(), day.to_owned())].into()
    }

    fn code(result: Result<CalendarDate, FieldErrors>) -> String {
        let errors = result.unwrap_err();
        let code = errors.iter().next().unwrap().code.clone();
        code
    }

    #[test]
    fn a_connection_day_lies_between_the_approval_and_today() {
        let (approved, today) = (date(2026, 11, 2), date(2026, 12, 7));
        assert_eq!(
            check_connection_day(&typed("2026-11-20"), approved, today),
            Ok(date(2026, 11, 20))
        );
        assert_eq!(
            check_connection_day(&typed("2026-11-02"), approved, today),
            Ok(approved)
        );
        assert_eq!(
            code(check_connection_day(&typed("2026-11-01"), approved, today)),
            "connection-before-approval"
        );
        assert_eq!(
            code(check_connection_day(&typed("2026-12-08"), approved, today)),
            "connection-date-in-future"
        );
        assert_eq!(
            code(check_connection_day(&typed(""), approved, today)),
            "connection-date-required"
        );
        assert_eq!(
            code(check_connection_day(&typed("2026-02-30"), approved, today)),
            "connection-date-format"
        );
    }

    #[test]
    fn only_a_recorded_connection_starts_the_yearly_dates() {
        let approved = date(2026, 11, 2);
        assert_eq!(Connection::of(approved, None).connected_on(), None);
        assert_eq!(
            Connection::of(approved, Some(date(2026, 11, 20))).connected_on(),
            Some(date(2026, 11, 20))
        );
    }
}
