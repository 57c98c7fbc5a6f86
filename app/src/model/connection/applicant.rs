//! Step 1, the applicant: the business eSpace acting (shown, not typed again) and the person
//! who signed in for it, with their function and a number to reach them (procedure,
//! "Prerequisites").

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::model::phone_number::PhoneNumber;
use crate::model::step_form::{StepForm, StepValues};
use crate::text_rule;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct ApplicantStep {
    /// The representative's function in the company (manager, owner...).
    #[validate(custom(function = "capacity"))]
    pub capacity: String,
    #[validate(custom(function = "representative_phone"))]
    pub representative_phone: String,
}

pub(crate) fn capacity(value: &str) -> Result<(), ValidationError> {
    text_rule!("capacity", 80).check(value)
}

pub(crate) fn representative_phone(value: &str) -> Result<(), ValidationError> {
    use crate::model::phone_number::PhoneNumberError;
    PhoneNumber::parse(value).map(drop).map_err(|e| {
        ValidationError::new(match e {
            PhoneNumberError::Empty => "representative-phone-required",
            PhoneNumberError::Format => "representative-phone-format",
        })
    })
}

impl StepForm for ApplicantStep {
    const ORDER: &'static [&'static str] = &["capacity", "representative_phone"];

    fn canonical(&self) -> StepValues {
        let mut values = StepValues::new();
        values.insert("capacity".into(), self.capacity.trim().to_owned());
        if let Ok(phone) = PhoneNumber::parse(&self.representative_phone) {
            values.insert("representative_phone".into(), phone.international());
        }
        values
    }
}
