//! Step 3, the alarm system: its kind (R2005 Art. 3), the installer and its authorisation
//! (Art. 6), the certificate of conformity (Art. 7, 9 b), an optional licensed alarm centre
//! (Art. 4; L2002 Art. 1, 18-21) and the request made to POST Luxembourg (procedure).

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::model::authorisation_number::AuthorisationNumber;
use crate::model::calendar_date::CalendarDate;
use crate::model::step_form::{is_checked, to_values, StepForm, StepValues};
use crate::model::FieldErrors;
use crate::text_rule;

/// The group of alarm-kind checkboxes: its error and the summary's link.
pub const ALARM_KIND_GROUP: &str = "alarm_kind";

/// The two trades that may install a system connected to the CIN (R2005 Art. 6).
pub const INSTALLER_TRADES: [&str; 2] = ["electronics", "alarm-installer"];

/// Answers to "Has the ALARMIS request been made to POST Luxembourg?".
pub const POST_REQUEST_ANSWERS: [&str; 2] = ["yes", "no"];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct SystemStep {
    /// Intrusion detection, triggered by detectors.
    pub alarm_passive: String,
    /// A push-button, pressed by a person who feels threatened.
    pub alarm_active: String,
    /// Offered so that it can be refused with directions: fire alarms go to the CGDIS.
    pub alarm_fire: String,
    #[validate(custom(function = "installer_company"))]
    pub installer_company: String,
    #[validate(custom(function = "installer_trade"))]
    pub installer_trade: String,
    #[validate(custom(function = "authorisation"))]
    pub installer_authorisation: String,
    #[validate(custom(function = "certificate_date"))]
    pub certificate_date: String,
    #[validate(custom(function = "alarm_centre_name"))]
    pub alarm_centre_name: String,
    #[validate(custom(function = "alarm_centre_licence"))]
    pub alarm_centre_licence: String,
    #[validate(custom(function = "post_request"))]
    pub post_request: String,
    #[validate(custom(function = "post_reference"))]
    pub post_reference: String,
}

fn installer_company(value: &str) -> Result<(), ValidationError> {
    text_rule!("installer-company", 120).check(value)
}

fn installer_trade(value: &str) -> Result<(), ValidationError> {
    if INSTALLER_TRADES.contains(&value) {
        Ok(())
    } else {
        Err(ValidationError::new("installer-trade-required"))
    }
}

fn authorisation(value: &str) -> Result<(), ValidationError> {
    AuthorisationNumber::parse(value)
        .map(drop)
        .map_err(|e| ValidationError::new(e.code()))
}

fn certificate_date(value: &str) -> Result<(), ValidationError> {
    CalendarDate::parse_past(value, CalendarDate::today())
        .map(drop)
        .map_err(|e| ValidationError::new(e.code()))
}

fn alarm_centre_name(value: &str) -> Result<(), ValidationError> {
    text_rule!("alarm-centre-name", 120).check_optional(value)
}

fn alarm_centre_licence(value: &str) -> Result<(), ValidationError> {
    text_rule!("alarm-centre-licence", 40).check_optional(value)
}

fn post_request(value: &str) -> Result<(), ValidationError> {
    if POST_REQUEST_ANSWERS.contains(&value) {
        Ok(())
    } else {
        Err(ValidationError::new("post-request-required"))
    }
}

fn post_reference(value: &str) -> Result<(), ValidationError> {
    text_rule!("post-reference", 40).check_optional(value)
}

impl SystemStep {
    pub fn has_alarm_centre(&self) -> bool {
        !self.alarm_centre_name.trim().is_empty()
    }
}

impl StepForm for SystemStep {
    const ORDER: &'static [&'static str] = &[
        ALARM_KIND_GROUP,
        "installer_company",
        "installer_trade",
        "installer_authorisation",
        "certificate_date",
        "alarm_centre_name",
        "alarm_centre_licence",
        "post_request",
        "post_reference",
    ];

    fn field_errors(&self) -> FieldErrors {
        let mut errors = match self.validate() {
            Ok(()) => FieldErrors::default(),
            Err(errors) => FieldErrors::from_validation(&errors, Self::ORDER),
        };
        // Rules that look at more than one answer.
        if is_checked(&self.alarm_fire) {
            errors.add(ALARM_KIND_GROUP, "fire-alarm-refused", None);
        } else if !is_checked(&self.alarm_passive) && !is_checked(&self.alarm_active) {
            errors.add(ALARM_KIND_GROUP, "alarm-kind-required", None);
        }
        let has_name = self.has_alarm_centre();
        let has_licence = !self.alarm_centre_licence.trim().is_empty();
        if has_name && !has_licence {
            errors.add(
                "alarm_centre_licence",
                "alarm-centre-licence-required",
                None,
            );
        }
        if has_licence && !has_name {
            errors.add("alarm_centre_name", "alarm-centre-name-required", None);
        }
        if self.post_request == "yes" && self.post_reference.trim().is_empty() {
            errors.add("post_reference", "post-reference-required", None);
        }
        errors.sort_by_order(Self::ORDER);
        errors
    }

    fn canonical(&self) -> StepValues {
        let mut clean = self.clone();
        for text in [
            &mut clean.installer_company,
            &mut clean.alarm_centre_name,
            &mut clean.alarm_centre_licence,
            &mut clean.post_reference,
        ] {
            *text = text.trim().to_owned();
        }
        if let Ok(number) = AuthorisationNumber::parse(&self.installer_authorisation) {
            clean.installer_authorisation = number.as_str().to_owned();
        }
        if let Ok(date) = CalendarDate::parse(&self.certificate_date) {
            clean.certificate_date = date.iso();
        }
        if clean.post_request == "no" {
            clean.post_reference.clear();
        }
        to_values(&clean)
    }
}
