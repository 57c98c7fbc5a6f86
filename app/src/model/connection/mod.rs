//! Procedure B, the initial connection request (DOMAIN.md, "Procedure B"): one struct per
//! wizard step, and the request as a whole.

pub mod applicant;
pub mod contacts;
pub mod documents;
pub mod motivation;
pub mod obligations;
pub mod site;
pub mod system;

pub use applicant::ApplicantStep;
pub use contacts::{
    contact_field, contact_input, ContactPerson, ContactsStep, CONTACT_SLOTS, REQUIRED_CONTACTS,
};
pub use documents::{
    chosen_file_fault, has_required_documents, human_size, DocumentInfo, DocumentKind,
    DocumentType, FileFault, DOCUMENT_FILE_FIELD, DOCUMENT_KIND_FIELD, MAX_DOCUMENTS,
    MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES,
};
pub use motivation::MotivationStep;
pub use obligations::{ObligationsStep, OBLIGATIONS, OBLIGATIONS_GROUP};
pub use site::{SiteStep, PREMISES_KINDS};
pub use system::{SystemStep, ALARM_KIND_GROUP, INSTALLER_TRADES, POST_REQUEST_ANSWERS};

// The request as a whole is shared with procedure A; B's code keeps reaching it from here.
pub use super::request::{ProcedureRequest, RequestStatus, RequestSummary, WizardStep};

#[cfg(test)]
mod tests;
