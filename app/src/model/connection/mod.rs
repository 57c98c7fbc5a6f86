//! Procedure B, the initial connection request (DOMAIN.md, "Procedure B"): one struct per
//! wizard step, and the request as a whole.

pub mod applicant;
pub mod contacts;
pub mod documents;
pub mod motivation;
pub mod obligations;
pub mod site;
pub mod system;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use applicant::ApplicantStep;
pub use contacts::{
    contact_field, contact_input, ContactPerson, ContactsStep, CONTACT_SLOTS, REQUIRED_CONTACTS,
};
pub use documents::{
    has_required_documents, human_size, DocumentInfo, DocumentKind, DocumentType, MAX_DOCUMENTS,
    MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES,
};
pub use motivation::MotivationStep;
pub use obligations::{ObligationsStep, OBLIGATIONS, OBLIGATIONS_GROUP};
pub use site::{SiteStep, PREMISES_KINDS};
pub use system::{SystemStep, ALARM_KIND_GROUP, INSTALLER_TRADES, POST_REQUEST_ANSWERS};

use super::step_form::{check, StepForm, StepValues};
use super::{BusinessDetails, FieldErrors};

/// The wizard's steps in order. The slug is the step's address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConnectionStep {
    Applicant,
    Site,
    System,
    Contacts,
    Motivation,
    Documents,
    Obligations,
    Review,
}

impl ConnectionStep {
    pub const ALL: [ConnectionStep; 8] = [
        ConnectionStep::Applicant,
        ConnectionStep::Site,
        ConnectionStep::System,
        ConnectionStep::Contacts,
        ConnectionStep::Motivation,
        ConnectionStep::Documents,
        ConnectionStep::Obligations,
        ConnectionStep::Review,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ConnectionStep::Applicant => "demandeur",
            ConnectionStep::Site => "site",
            ConnectionStep::System => "systeme",
            ConnectionStep::Contacts => "contacts",
            ConnectionStep::Motivation => "motivation",
            ConnectionStep::Documents => "documents",
            ConnectionStep::Obligations => "obligations",
            ConnectionStep::Review => "recapitulatif",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ConnectionStep> {
        ConnectionStep::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// 1-based, for "Step 3 of 8".
    pub fn number(self) -> usize {
        ConnectionStep::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0)
            + 1
    }

    pub fn next(self) -> Option<ConnectionStep> {
        ConnectionStep::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<ConnectionStep> {
        self.number()
            .checked_sub(2)
            .and_then(|i| ConnectionStep::ALL.get(i).copied())
    }

    pub fn title_id(self) -> String {
        format!("step-{}", self.slug())
    }

    /// Whether the step is a form of answers (the others: documents, review).
    pub fn is_form(self) -> bool {
        !matches!(self, ConnectionStep::Documents | ConnectionStep::Review)
    }

    /// The inputs of a form step in page order.
    pub fn order(self) -> &'static [&'static str] {
        match self {
            ConnectionStep::Applicant => ApplicantStep::ORDER,
            ConnectionStep::Site => SiteStep::ORDER,
            ConnectionStep::System => SystemStep::ORDER,
            ConnectionStep::Contacts => ContactsStep::ORDER,
            ConnectionStep::Motivation => MotivationStep::ORDER,
            ConnectionStep::Obligations => ObligationsStep::ORDER,
            ConnectionStep::Documents | ConnectionStep::Review => &[],
        }
    }

    /// A form step's answers checked with its rules: the canonical values to save, or the
    /// messages. Documents and review have no answers of their own.
    pub fn check(self, values: &StepValues) -> Result<StepValues, FieldErrors> {
        match self {
            ConnectionStep::Applicant => check::<ApplicantStep>(values),
            ConnectionStep::Site => check::<SiteStep>(values),
            ConnectionStep::System => check::<SystemStep>(values),
            ConnectionStep::Contacts => check::<ContactsStep>(values),
            ConnectionStep::Motivation => check::<MotivationStep>(values),
            ConnectionStep::Obligations => check::<ObligationsStep>(values),
            ConnectionStep::Documents | ConnectionStep::Review => Ok(StepValues::new()),
        }
    }
}

/// Where a request is in its life. Drafts change; a submitted request is frozen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RequestStatus {
    Draft,
    Submitted,
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Draft => "draft",
            RequestStatus::Submitted => "submitted",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        [RequestStatus::Draft, RequestStatus::Submitted]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// A connection request as its business eSpace's members see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionRequest {
    pub id: String,
    pub business_id: String,
    pub company: BusinessDetails,
    /// The signed-in person filling it in (step 1 shows their name).
    pub representative: String,
    pub status: RequestStatus,
    /// `ALR-2026-000123`, once submitted.
    pub reference: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
    /// Saved answers by step slug: only answers that passed their step's rules.
    pub answers: BTreeMap<String, StepValues>,
    pub documents: Vec<DocumentInfo>,
}

impl ConnectionRequest {
    pub fn answers_of(&self, step: ConnectionStep) -> Option<&StepValues> {
        self.answers.get(step.slug())
    }

    pub fn is_complete(&self, step: ConnectionStep) -> bool {
        match step {
            ConnectionStep::Documents => has_required_documents(&self.documents),
            ConnectionStep::Review => false,
            form => self.answers_of(form).is_some(),
        }
    }

    /// Where to resume: the first step not done yet, or the review when all are.
    pub fn first_incomplete(&self) -> ConnectionStep {
        ConnectionStep::ALL
            .into_iter()
            .find(|s| !self.is_complete(*s))
            .unwrap_or(ConnectionStep::Review)
    }

    /// A step may be opened once every step before it is done.
    pub fn may_open(&self, step: ConnectionStep) -> bool {
        step <= self.first_incomplete()
    }

    /// Every saved answer re-checked with today's rules, as submission does: the first step
    /// that no longer passes, if any.
    pub fn first_invalid(&self) -> Option<ConnectionStep> {
        ConnectionStep::ALL.into_iter().find(|step| {
            *step != ConnectionStep::Review
                && (!self.is_complete(*step)
                    || self
                        .answers_of(*step)
                        .is_some_and(|values| step.check(values).is_err()))
        })
    }
}

/// A line of the eSpace's list of requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub id: String,
    pub status: RequestStatus,
    pub reference: Option<String>,
    pub updated_at: String,
    /// The protected site's locality, once given: tells drafts apart.
    pub site: Option<String>,
    pub resume_at: ConnectionStep,
}

#[cfg(test)]
mod tests;
