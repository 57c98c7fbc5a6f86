//! Step 3 of procedure A: the applicant declares the answers true and that they may act for
//! the business.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::model::step_form::{is_checked, StepForm};
use crate::model::FieldErrors;

/// Each declaration's checkbox name.
pub const DECLARATIONS: [&str; 2] = ["declare_accurate", "declare_authorised"];

/// The group's id: its error message and the summary's link.
pub const DECLARATION_GROUP: &str = "declaration";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct DeclarationStep {
    pub declare_accurate: String,
    pub declare_authorised: String,
}

impl StepForm for DeclarationStep {
    const ORDER: &'static [&'static str] = &[DECLARATION_GROUP];

    fn field_errors(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if !(is_checked(&self.declare_accurate) && is_checked(&self.declare_authorised)) {
            errors.add(DECLARATION_GROUP, "declaration-required", None);
        }
        errors
    }
}
