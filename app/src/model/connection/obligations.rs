//! Step 7, the obligations the applicant acknowledges before submitting (procedure; R2005
//! Art. 8, 10 to 15): maintenance and the livret d'exploitation (Art. 8), the Police's right to
//! inspect (Art. 10), changes reported and staff trained (Art. 11), the yearly test
//! (procedure), false alerts charged to the owner and their consequences (Art. 12 to 14).

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::model::step_form::{is_checked, StepForm};
use crate::model::FieldErrors;

/// Each obligation's checkbox name; the catalogue explains it as `obligation-<name>`.
pub const OBLIGATIONS: [&str; 7] = [
    "obligation_maintenance",
    "obligation_log",
    "obligation_inspection",
    "obligation_test",
    "obligation_changes",
    "obligation_training",
    "obligation_false_alerts",
];

/// The group's id: its error message and the summary's link.
pub const OBLIGATIONS_GROUP: &str = "obligations";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct ObligationsStep {
    pub obligation_maintenance: String,
    pub obligation_log: String,
    pub obligation_inspection: String,
    pub obligation_test: String,
    pub obligation_changes: String,
    pub obligation_training: String,
    pub obligation_false_alerts: String,
}

impl ObligationsStep {
    fn ticked(&self) -> [bool; 7] {
        [
            &self.obligation_maintenance,
            &self.obligation_log,
            &self.obligation_inspection,
            &self.obligation_test,
            &self.obligation_changes,
            &self.obligation_training,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::step_form::CHECKED;

    fn all_ticked() -> ObligationsStep {
        let on = || CHECKED.to_owned();
        ObligationsStep {
            obligation_maintenance: on(),
            obligation_log: on(),
            obligation_inspection: on(),
            obligation_test: on(),
            obligation_changes: on(),
            obligation_training: on(),
            obligation_false_alerts: on(),
        }
    }

    /// R2005 Art. 10 (the Police may inspect) and Art. 11 al. 2 (staff trained) are obligations
    /// like the others: the step is not done until they are acknowledged too.
    #[test]
    fn inspection_and_training_are_acknowledged_with_the_rest() {
        assert!(OBLIGATIONS.contains(&"obligation_inspection"));
        assert!(OBLIGATIONS.contains(&"obligation_training"));
        assert!(all_ticked().field_errors().is_empty());
        for unticked in [
            ObligationsStep {
                obligation_inspection: String::new(),
                ..all_ticked()
            },
            ObligationsStep {
                obligation_training: String::new(),
                ..all_ticked()
            },
        ] {
            let errors = unticked.field_errors();
            let found: Vec<(&str, &str)> = errors
                .iter()
                .map(|e| (e.field.as_str(), e.code.as_str()))
                .collect();
            assert_eq!(found, vec![(OBLIGATIONS_GROUP, "obligations-required")]);
        }
    }
}
