//! Step 7, the obligations the applicant acknowledges before submitting (procedure; R2005
//! Art. 8, 11 to 15).

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::model::step_form::{is_checked, StepForm};
use crate::model::FieldErrors;

/// Each obligation's checkbox name; the catalogue explains it as `obligation-<name>`.
pub const OBLIGATIONS: [&str; 5] = [
    "obligation_maintenance",
    "obligation_log",
    "obligation_test",
    "obligation_changes",
    "obligation_false_alerts",
];

/// The group's id: its error message and the summary's link.
pub const OBLIGATIONS_GROUP: &str = "obligations";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct ObligationsStep {
    pub obligation_maintenance: String,
    pub obligation_log: String,
    pub obligation_test: String,
    pub obligation_changes: String,
    pub obligation_false_alerts: String,
}

impl ObligationsStep {
    fn ticked(&self) -> [bool; 5] {
        [
            &self.obligation_maintenance,
            &self.obligation_log,
            &self.obligation_test,
            &self.obligation_changes,
            &self.obligation_false_alerts,
        ]
        .map(|value| is_checked(value))
    }
}

impl StepForm for ObligationsStep {
    const ORDER: &'static [&'static str] = &[OBLIGATIONS_GROUP];

    fn field_errors(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if !self.ticked().iter().all(|t| *t) {
            errors.add(OBLIGATIONS_GROUP, "obligations-required", None);
        }
        errors
    }
}
