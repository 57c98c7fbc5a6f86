//! A submitted request as a case of the Police's back office: the actions that move it and from
//! which statuses (the server checks every move with `CaseAction::apply` while it holds the
//! request's lock, so a status cannot be skipped and two agents acting at once give one
//! result), the messages exchanged with the applicant, the audit trail, and the agents' queue.

pub mod audit;
pub mod messages;
pub mod queue;

pub use audit::{AuditAction, AuditLine};
pub use messages::{
    CaseMessage, Direction, InboxEntry, InboxMessage, MessageKind, ANSWER_MAX_CHARS,
};
pub use queue::{CaseQuery, CaseSort, QueueLine, QueuePage, QUEUE_PAGE_SIZE};

use serde::{Deserialize, Serialize};

use super::certification::CertificationCase;
use super::{ProcedureRequest, RequestStatus};

/// What moves a submitted request. `Answer` is the applicant's; the others are the agents'.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaseAction {
    /// An agent takes the case (or takes it over from another agent).
    Take,
    /// The agent asks the applicant for information or documents.
    Ask,
    /// The applicant answers; the case goes back to the agent.
    Answer,
    Approve,
    Refuse,
}

impl CaseAction {
    pub const ALL: [CaseAction; 5] = [
        CaseAction::Take,
        CaseAction::Ask,
        CaseAction::Answer,
        CaseAction::Approve,
        CaseAction::Refuse,
    ];

    /// The statuses the action may start from.
    pub fn allowed_from(self) -> &'static [RequestStatus] {
        match self {
            CaseAction::Take => &[
                RequestStatus::Submitted,
                RequestStatus::InReview,
                RequestStatus::Waiting,
            ],
            CaseAction::Ask => &[RequestStatus::InReview],
            // Also while waiting: an applicant who never answers must not hold a case open
            // for ever (the agent may refuse, or approve without the answer).
            CaseAction::Approve | CaseAction::Refuse => {
                &[RequestStatus::InReview, RequestStatus::Waiting]
            }
            CaseAction::Answer => &[RequestStatus::Waiting],
        }
    }

    /// The status after the action, or `None` when the action is not allowed from `from`.
    pub fn apply(self, from: RequestStatus) -> Option<RequestStatus> {
        if !self.allowed_from().contains(&from) {
            return None;
        }
        Some(match self {
            // Taking a case over keeps it waiting for the applicant if it was.
            CaseAction::Take if from == RequestStatus::Waiting => RequestStatus::Waiting,
            CaseAction::Take | CaseAction::Answer => RequestStatus::InReview,
            CaseAction::Ask => RequestStatus::Waiting,
            CaseAction::Approve => RequestStatus::Approved,
            CaseAction::Refuse => RequestStatus::Refused,
        })
    }
}

/// A case as the Police's case page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentCase {
    pub request: ProcedureRequest,
    /// The agent handling it, by name.
    pub assigned_to: Option<String>,
    pub assigned_to_me: bool,
    /// Every recorded action on this case, oldest first.
    pub history: Vec<AuditLine>,
    /// Procedure A's letter and code, once approved.
    pub certification: Option<CertificationCase>,
}

#[cfg(test)]
mod tests;
