//! The validated types both sides share: a rule is written here once and runs in the browser
//! (instant feedback) and on the server (the check that counts).

pub mod eligibility;
pub mod field_errors;
pub mod postcode;

pub use eligibility::{
    ClientStatus, EligibilityAnswers, EligibilityOutcome, Procedure, ELIGIBILITY_FIELDS,
};
pub use field_errors::{FieldError, FieldErrors};
pub use postcode::{Postcode, PostcodeError};
