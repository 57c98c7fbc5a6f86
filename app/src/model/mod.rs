//! The validated types both sides share: a rule is written here once and runs in the browser
//! (instant feedback) and on the server (the check that counts).

pub mod business;
pub mod eligibility;
pub mod field_errors;
pub mod legal_form;
pub mod phone_number;
pub mod postcode;
pub mod rcs_number;
pub mod submitted;
pub mod text;
pub mod viewer;

pub use business::{
    Address, BusinessDetails, BusinessEspace, BusinessEspaceForm, BusinessSummary, Member,
    MemberRole, RegisteredBusiness, BUSINESS_FIELDS,
};
pub use eligibility::{
    ClientStatus, EligibilityAnswers, EligibilityOutcome, Procedure, ELIGIBILITY_FIELDS,
};
pub use field_errors::{FieldError, FieldErrors};
pub use legal_form::LegalForm;
pub use phone_number::PhoneNumber;
pub use postcode::{Postcode, PostcodeError};
pub use rcs_number::RcsNumber;
pub use submitted::Submitted;
pub use viewer::{AuthMeans, PrivateEspace, Role, Viewer};
