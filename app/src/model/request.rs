//! A request made in a business eSpace, whichever procedure it follows: its wizard steps, its
//! life (draft, submitted, decided) and its saved answers. The steps' own rules live in
//! `model::connection` (procedure B) and `model::certification` (procedure A).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::certification::{ClientStep, DeclarationStep, PostalAddressStep};
use super::connection::{
    has_required_documents, ApplicantStep, ContactsStep, DocumentInfo, MotivationStep,
    ObligationsStep, SiteStep, SystemStep,
};
use super::step_form::{check, errors, StepForm, StepValues};
use super::{BusinessDetails, FieldErrors};

/// The two ALARMIS procedures (DOMAIN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Procedure {
    /// A: certification of a business eSpace, for existing ALARMIS clients.
    Certification,
    /// B: initial connection request, for new clients.
    Connection,
}

impl Procedure {
    pub const ALL: [Procedure; 2] = [Procedure::Certification, Procedure::Connection];

    /// The database's and the start form's name for it.
    pub fn code(self) -> &'static str {
        match self {
            Procedure::Certification => "certification",
            Procedure::Connection => "connection",
        }
    }

    pub fn from_code(code: &str) -> Option<Procedure> {
        Procedure::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The message id of the procedure's name ("Connection request").
    pub fn title_id(self) -> &'static str {
        match self {
            Procedure::Certification => "certification-title",
            Procedure::Connection => "connection-title",
        }
    }

    /// The wizard's steps in order; the review is always last.
    pub fn steps(self) -> &'static [WizardStep] {
        match self {
            Procedure::Certification => &[
                WizardStep::Client,
                WizardStep::PostalAddress,
                WizardStep::Declaration,
                WizardStep::Review,
            ],
            Procedure::Connection => &[
                WizardStep::Applicant,
                WizardStep::Site,
                WizardStep::System,
                WizardStep::Contacts,
                WizardStep::Motivation,
                WizardStep::Documents,
                WizardStep::Obligations,
                WizardStep::Review,
            ],
        }
    }

    pub fn first_step(self) -> WizardStep {
        self.steps()[0]
    }

    /// The step at this address in this procedure's wizard.
    pub fn step(self, slug: &str) -> Option<WizardStep> {
        self.steps().iter().copied().find(|s| s.slug() == slug)
    }

    /// 1-based, for "Step 3 of 8"; 0 when the step is not this procedure's.
    pub fn number(self, step: WizardStep) -> usize {
        self.steps()
            .iter()
            .position(|s| *s == step)
            .map_or(0, |i| i + 1)
    }

    pub fn next(self, step: WizardStep) -> Option<WizardStep> {
        match self.number(step) {
            0 => None,
            n => self.steps().get(n).copied(),
        }
    }

    pub fn previous(self, step: WizardStep) -> Option<WizardStep> {
        self.number(step)
            .checked_sub(2)
            .and_then(|i| self.steps().get(i).copied())
    }
}

/// Every wizard step of both procedures. The slug is the step's address; each procedure lists
/// its own in `Procedure::steps`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WizardStep {
    // Procedure B.
    Applicant,
    Site,
    System,
    Contacts,
    Motivation,
    Documents,
    Obligations,
    // Procedure A.
    Client,
    PostalAddress,
    Declaration,
    // Both.
    Review,
}

impl WizardStep {
    pub fn slug(self) -> &'static str {
        match self {
            WizardStep::Applicant => "demandeur",
            WizardStep::Site => "site",
            WizardStep::System => "systeme",
            WizardStep::Contacts => "contacts",
            WizardStep::Motivation => "motivation",
            WizardStep::Documents => "documents",
            WizardStep::Obligations => "obligations",
            WizardStep::Client => "client",
            WizardStep::PostalAddress => "courrier",
            WizardStep::Declaration => "declaration",
            WizardStep::Review => "recapitulatif",
        }
    }

    pub fn title_id(self) -> String {
        format!("step-{}", self.slug())
    }

    /// Whether the step is a form of answers (the others: documents, review).
    pub fn is_form(self) -> bool {
        !matches!(self, WizardStep::Documents | WizardStep::Review)
    }

    /// The inputs of a form step in page order.
    pub fn order(self) -> &'static [&'static str] {
        match self {
            WizardStep::Applicant => ApplicantStep::ORDER,
            WizardStep::Site => SiteStep::ORDER,
            WizardStep::System => SystemStep::ORDER,
            WizardStep::Contacts => ContactsStep::ORDER,
            WizardStep::Motivation => MotivationStep::ORDER,
            WizardStep::Obligations => ObligationsStep::ORDER,
            WizardStep::Client => ClientStep::ORDER,
            WizardStep::PostalAddress => PostalAddressStep::ORDER,
            WizardStep::Declaration => DeclarationStep::ORDER,
            WizardStep::Documents | WizardStep::Review => &[],
        }
    }

    /// The messages a form step's answers get (none for documents and review): what the
    /// browser's check needs, without the canonical values the server saves.
    pub fn errors(self, values: &StepValues) -> FieldErrors {
        match self {
            WizardStep::Applicant => errors::<ApplicantStep>(values),
            WizardStep::Site => errors::<SiteStep>(values),
            WizardStep::System => errors::<SystemStep>(values),
            WizardStep::Contacts => errors::<ContactsStep>(values),
            WizardStep::Motivation => errors::<MotivationStep>(values),
            WizardStep::Obligations => errors::<ObligationsStep>(values),
            WizardStep::Client => errors::<ClientStep>(values),
            WizardStep::PostalAddress => errors::<PostalAddressStep>(values),
            WizardStep::Declaration => errors::<DeclarationStep>(values),
            WizardStep::Documents | WizardStep::Review => FieldErrors::default(),
        }
    }

    /// A form step's answers checked with its rules: the canonical values to save, or the
    /// messages. Documents and review have no answers of their own.
    pub fn check(self, values: &StepValues) -> Result<StepValues, FieldErrors> {
        match self {
            WizardStep::Applicant => check::<ApplicantStep>(values),
            WizardStep::Site => check::<SiteStep>(values),
            WizardStep::System => check::<SystemStep>(values),
            WizardStep::Contacts => check::<ContactsStep>(values),
            WizardStep::Motivation => check::<MotivationStep>(values),
            WizardStep::Obligations => check::<ObligationsStep>(values),
            WizardStep::Client => check::<ClientStep>(values),
            WizardStep::PostalAddress => check::<PostalAddressStep>(values),
            WizardStep::Declaration => check::<DeclarationStep>(values),
            WizardStep::Documents | WizardStep::Review => Ok(StepValues::new()),
        }
    }
}

/// Where a request is in its life. Drafts change; from submission on, the answers are frozen
/// and only the back office's actions move it (`model::case` says which, from where).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Draft,
    Submitted,
    /// An agent took the case.
    InReview,
    /// The agent asked the applicant for information or documents.
    Waiting,
    Approved,
    Refused,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 6] = [
        RequestStatus::Draft,
        RequestStatus::Submitted,
        RequestStatus::InReview,
        RequestStatus::Waiting,
        RequestStatus::Approved,
        RequestStatus::Refused,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Draft => "draft",
            RequestStatus::Submitted => "submitted",
            RequestStatus::InReview => "in_review",
            RequestStatus::Waiting => "waiting",
            RequestStatus::Approved => "approved",
            RequestStatus::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn message_id(self) -> String {
        format!("status-{}", self.code())
    }

    pub fn is_decided(self) -> bool {
        matches!(self, RequestStatus::Approved | RequestStatus::Refused)
    }
}

/// An agent's decision, as the applicant sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub decided_at: String,
    /// Why the request was refused; `None` for an approval.
    pub refusal_reason: Option<String>,
    /// The ALARMIS client number an approved connection request (procedure B) was given.
    pub client_number: Option<String>,
}

/// A request as its business eSpace's members see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureRequest {
    pub id: super::RequestId,
    pub business_id: super::BusinessId,
    pub procedure: Procedure,
    pub company: BusinessDetails,
    /// The signed-in person filling it in (the first step shows their name).
    pub representative: String,
    pub status: RequestStatus,
    /// `ALR-2026-000123`, once submitted.
    pub reference: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
    pub decision: Option<Decision>,
    /// Saved answers by step slug: only answers that passed their step's rules.
    pub answers: BTreeMap<String, StepValues>,
    pub documents: Vec<DocumentInfo>,
    /// The exchange with the Police since submission, oldest first.
    pub messages: Vec<super::case::CaseMessage>,
}

impl ProcedureRequest {
    pub fn steps(&self) -> &'static [WizardStep] {
        self.procedure.steps()
    }

    pub fn answers_of(&self, step: WizardStep) -> Option<&StepValues> {
        self.answers.get(step.slug())
    }

    pub fn is_complete(&self, step: WizardStep) -> bool {
        match step {
            WizardStep::Documents => has_required_documents(&self.documents),
            WizardStep::Review => false,
            form => self.answers_of(form).is_some(),
        }
    }

    /// Where to resume: the first step not done yet, or the review when all are.
    pub fn first_incomplete(&self) -> WizardStep {
        self.steps()
            .iter()
            .copied()
            .find(|s| !self.is_complete(*s))
            .unwrap_or(WizardStep::Review)
    }

    /// A step of this request's procedure may be opened once every step before it is done.
    pub fn may_open(&self, step: WizardStep) -> bool {
        let position = self.procedure.number(step);
        position != 0 && position <= self.procedure.number(self.first_incomplete())
    }

    /// Every saved answer re-checked with today's rules, as submission does: the first step
    /// that no longer passes, if any.
    pub fn first_invalid(&self) -> Option<WizardStep> {
        self.steps().iter().copied().find(|step| {
            *step != WizardStep::Review
                && (!self.is_complete(*step)
                    || self
                        .answers_of(*step)
                        .is_some_and(|values| step.check(values).is_err()))
        })
    }

    /// The agent's latest question, while the request waits for the applicant's answer.
    pub fn open_question(&self) -> Option<&super::case::CaseMessage> {
        if self.status != RequestStatus::Waiting {
            return None;
        }
        self.messages
            .iter()
            .rev()
            .find(|m| m.kind == super::case::MessageKind::Question)
    }
}

/// A line of the eSpace's list of requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub id: super::RequestId,
    pub procedure: Procedure,
    pub status: RequestStatus,
    pub reference: Option<String>,
    pub updated_at: String,
    /// What tells requests apart: the protected site's locality (B) or the client number (A).
    pub label: Option<String>,
    pub resume_at: WizardStep,
}
