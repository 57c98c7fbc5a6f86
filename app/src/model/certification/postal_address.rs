//! Step 2 of procedure A: where the Police's letter with the certification code must go, and
//! in which language it is written.

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::model::connection::site::{house_number, locality, street};
use crate::model::postcode::{validate_postcode, Postcode};
use crate::model::step_form::{StepForm, StepValues};
use crate::text_rule;

/// The languages a letter can be written in (the portal's three).
pub const LETTER_LANGUAGES: [&str; 3] = ["fr", "de", "en"];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct PostalAddressStep {
    /// "For the attention of": a person or a department; optional.
    #[validate(custom(function = "recipient"))]
    pub letter_recipient: String,
    #[validate(custom(function = "street"))]
    pub letter_street: String,
    #[validate(custom(function = "house_number"))]
    pub letter_house_number: String,
    #[validate(custom(function = "validate_postcode"))]
    pub letter_postcode: String,
    #[validate(custom(function = "locality"))]
    pub letter_locality: String,
    #[validate(custom(function = "language"))]
    pub letter_language: String,
}

fn recipient(value: &str) -> Result<(), ValidationError> {
    text_rule!("letter-recipient", 120).check_optional(value)
}

fn language(value: &str) -> Result<(), ValidationError> {
    if LETTER_LANGUAGES.contains(&value) {
        Ok(())
    } else {
        Err(ValidationError::new("letter-language-required"))
    }
}

impl StepForm for PostalAddressStep {
    const ORDER: &'static [&'static str] = &[
        "letter_recipient",
        "letter_street",
        "letter_house_number",
        "letter_postcode",
        "letter_locality",
        "letter_language",
    ];

    fn canonical(&self) -> StepValues {
        let mut trimmed = self.clone();
        for text in [
            &mut trimmed.letter_recipient,
            &mut trimmed.letter_street,
            &mut trimmed.letter_house_number,
            &mut trimmed.letter_locality,
        ] {
            *text = text.trim().to_owned();
        }
        if let Ok(postcode) = Postcode::parse(&self.letter_postcode) {
            trimmed.letter_postcode = postcode.as_str().to_owned();
        }
        crate::model::step_form::to_values(&trimmed)
    }
}
