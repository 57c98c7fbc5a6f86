//! Step 5, the motivation: why the alarm should reach the Police through ALARMIS (procedure).

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::model::step_form::{StepForm, StepValues};
use crate::text_rule;

pub const MOTIVATION_MAX_CHARS: usize = 2000;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct MotivationStep {
    #[validate(custom(function = "motivation"))]
    pub motivation: String,
}

fn motivation(value: &str) -> Result<(), ValidationError> {
    text_rule!("motivation", MOTIVATION_MAX_CHARS).check(value)
}

impl StepForm for MotivationStep {
    const ORDER: &'static [&'static str] = &["motivation"];

    fn canonical(&self) -> StepValues {
        StepValues::from([("motivation".to_owned(), self.motivation.trim().to_owned())])
    }
}
