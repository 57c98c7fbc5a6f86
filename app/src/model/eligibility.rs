//! "Which procedure is mine?": the home page's check, before anyone signs in.
//!
//! The rules come from the procedure page: the CIN only takes passive intrusion alarms and
//! active push-button alarms (fire alarms are CGDIS's); an existing ALARMIS client certifies a
//! business eSpace (procedure A), a new one files an initial connection request (procedure B);
//! the protected site is in Luxembourg (R2005 Art. 1: the Grand Duchy's CIN).

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use super::field_errors::{FieldErrors, FIELD_PARAM};
use super::postcode::{validate_postcode, Postcode};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClientStatus {
    /// Already an ALARMIS client: certify the business eSpace (procedure A).
    Existing,
    /// Not yet a client: initial connection request (procedure B).
    New,
}

impl ClientStatus {
    /// The value the radio button posts.
    pub fn form_value(self) -> &'static str {
        match self {
            ClientStatus::Existing => "existing",
            ClientStatus::New => "new",
        }
    }

    pub fn from_form_value(value: &str) -> Option<ClientStatus> {
        [ClientStatus::Existing, ClientStatus::New]
            .into_iter()
            .find(|s| s.form_value() == value)
    }
}

/// The answers as the form posts them. Validated by the same derive in the browser and in the
/// `check_eligibility` server function.
// All rules run at once (`skip_on_field_errors = false`): the error summary lists every problem.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[validate(schema(function = "at_least_one_alarm_kind", skip_on_field_errors = false))]
pub struct EligibilityAnswers {
    #[serde(default)]
    pub intrusion: bool,
    #[serde(default)]
    pub panic_button: bool,
    #[serde(default)]
    pub fire: bool,
    #[validate(required(code = "client-status-required"))]
    #[serde(default)]
    pub client_status: Option<ClientStatus>,
    #[validate(custom(function = "validate_postcode"))]
    #[serde(default)]
    pub postcode: String,
}

/// The form's fields in page order; the field names double as input ids. The alarm kinds are
/// one group, whose first checkbox carries the group's id.
pub const ELIGIBILITY_FIELDS: [&str; 3] = ["alarm_kinds", "client_status", "postcode"];

fn at_least_one_alarm_kind(answers: &EligibilityAnswers) -> Result<(), ValidationError> {
    if answers.intrusion || answers.panic_button || answers.fire {
        return Ok(());
    }
    let mut error = ValidationError::new("alarm-kind-required");
    error.add_param(FIELD_PARAM.into(), &"alarm_kinds");
    Err(error)
}

pub use super::request::Procedure;

/// What the check concludes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityOutcome {
    /// `None` when only a fire alarm was named: nothing for the Police to connect.
    pub procedure: Option<Procedure>,
    /// A fire alarm was named: it must go to the CGDIS, whatever else is connected.
    pub fire_goes_to_cgdis: bool,
    pub postcode: Postcode,
}

impl EligibilityAnswers {
    /// The field errors, in form order; empty when the answers are complete and well formed.
    pub fn field_errors(&self) -> FieldErrors {
        match self.validate() {
            Ok(()) => FieldErrors::default(),
            Err(errors) => FieldErrors::from_validation(&errors, &ELIGIBILITY_FIELDS),
        }
    }

    /// The conclusion, or what must be corrected first.
    pub fn assess(&self) -> Result<EligibilityOutcome, FieldErrors> {
        let errors = self.field_errors();
        let (Some(status), Ok(postcode)) = (self.client_status, Postcode::parse(&self.postcode))
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let police_alarm = self.intrusion || self.panic_button;
        let procedure = police_alarm.then_some(match status {
            ClientStatus::Existing => Procedure::Certification,
            ClientStatus::New => Procedure::Connection,
        });
        Ok(EligibilityOutcome {
            procedure,
            fire_goes_to_cgdis: self.fire,
            postcode,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> EligibilityAnswers {
        EligibilityAnswers {
            intrusion: true,
            client_status: Some(ClientStatus::New),
            postcode: "2540".into(),
            ..Default::default()
        }
    }

    fn codes(answers: &EligibilityAnswers) -> Vec<(String, String)> {
        answers
            .field_errors()
            .iter()
            .map(|e| (e.field.clone(), e.code.clone()))
            .collect()
    }

    #[test]
    fn an_empty_form_lists_every_field_in_page_order() {
        let expected = [
            ("alarm_kinds", "alarm-kind-required"),
            ("client_status", "client-status-required"),
            ("postcode", "postcode-required"),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect();
        assert_eq!(codes(&EligibilityAnswers::default()), expected);
    }

    #[test]
    fn a_wrong_postcode_is_the_only_error_when_the_rest_is_right() {
        let answers = EligibilityAnswers {
            postcode: "12".into(),
            ..complete()
        };
        assert_eq!(
            codes(&answers),
            vec![("postcode".to_owned(), "postcode-format".to_owned())]
        );
    }

    #[test]
    fn a_new_client_with_an_intrusion_alarm_files_a_connection_request() {
        let outcome = complete().assess().expect("complete answers");
        assert_eq!(outcome.procedure, Some(Procedure::Connection));
        assert!(!outcome.fire_goes_to_cgdis);
        assert_eq!(outcome.postcode.as_str(), "L-2540");
    }

    #[test]
    fn an_existing_client_certifies_its_espace() {
        let answers = EligibilityAnswers {
            intrusion: false,
            panic_button: true,
            client_status: Some(ClientStatus::Existing),
            ..complete()
        };
        assert_eq!(
            answers.assess().map(|o| o.procedure),
            Ok(Some(Procedure::Certification))
        );
    }

    #[test]
    fn a_fire_alarm_alone_is_not_for_the_police() {
        let answers = EligibilityAnswers {
            intrusion: false,
            fire: true,
            ..complete()
        };
        let outcome = answers.assess().expect("complete answers");
        assert_eq!(outcome.procedure, None);
        assert!(outcome.fire_goes_to_cgdis);
    }

    #[test]
    fn the_form_values_of_the_client_status_round_trip() {
        for status in [ClientStatus::Existing, ClientStatus::New] {
            assert_eq!(
                ClientStatus::from_form_value(status.form_value()),
                Some(status)
            );
        }
        assert_eq!(ClientStatus::from_form_value("maybe"), None);
    }
}
