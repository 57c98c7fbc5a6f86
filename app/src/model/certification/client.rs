//! Step 1 of procedure A: the existing ALARMIS client number and the person acting for the
//! business (its company data come from the eSpace and are shown, not typed again).

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::model::client_number::ClientNumber;
use crate::model::connection::applicant::{capacity, representative_phone};
use crate::model::phone_number::PhoneNumber;
use crate::model::step_form::{StepForm, StepValues};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct ClientStep {
    #[validate(custom(function = "client_number"))]
    pub client_number: String,
    #[validate(custom(function = "capacity"))]
    pub capacity: String,
    #[validate(custom(function = "representative_phone"))]
    pub representative_phone: String,
}

fn client_number(value: &str) -> Result<(), ValidationError> {
    ClientNumber::parse(value)
        .map(drop)
        .map_err(|e| ValidationError::new(e.code()))
}

impl StepForm for ClientStep {
    const ORDER: &'static [&'static str] = &["client_number", "capacity", "representative_phone"];

    fn canonical(&self) -> StepValues {
        let mut values = StepValues::new();
        if let Ok(number) = ClientNumber::parse(&self.client_number) {
            values.insert("client_number".into(), number.to_string());
        }
        values.insert("capacity".into(), self.capacity.trim().to_owned());
        if let Ok(phone) = PhoneNumber::parse(&self.representative_phone) {
            values.insert("representative_phone".into(), phone.international());
        }
        values
    }
}
