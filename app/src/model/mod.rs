//! The validated types both sides share: a rule is written here once and runs in the browser
//! (instant feedback) and on the server (the check that counts).

pub mod after_connection;
pub mod answers;
pub mod authorisation_number;
pub mod business;
pub mod calendar_date;
pub mod case;
pub mod certification;
pub mod checked_form;
pub mod client_number;
pub mod connection;
pub mod eligibility;
pub mod field_errors;
pub mod ids;
pub mod legal_form;
pub mod phone_number;
pub mod postcode;
pub mod rate_limit;
pub mod rcs_number;
pub mod request;
pub mod retention;
pub mod step_form;
pub mod submitted;
pub mod text;
pub mod viewer;

pub use answers::LetterAddress;
pub use authorisation_number::AuthorisationNumber;
pub use business::{
    Address, BusinessDetails, BusinessEspace, BusinessEspaceForm, BusinessSummary, Member,
    MemberRole, RegisteredBusiness, BUSINESS_FIELDS,
};
pub use calendar_date::CalendarDate;
pub use checked_form::{CheckedForm, CERTIFICATION_CODE_FIELD};
pub use client_number::ClientNumber;
pub use eligibility::{ClientStatus, EligibilityAnswers, EligibilityOutcome, ELIGIBILITY_FIELDS};
pub use field_errors::{FieldError, FieldErrors};
pub use ids::{BusinessId, PersonId, RequestId, SiteId};
pub use legal_form::LegalForm;
pub use phone_number::PhoneNumber;
pub use postcode::{Postcode, PostcodeError};
pub use rate_limit::{LimitedAction, TOO_MANY_PATH};
pub use rcs_number::RcsNumber;
pub use request::{Procedure, ProcedureRequest, RequestStatus, RequestSummary, WizardStep};
pub use step_form::{StepForm, StepValues, CHECKED};
pub use submitted::Submitted;
pub use viewer::{AuthMeans, PrivateEspace, Role, Viewer};
