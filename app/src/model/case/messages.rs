//! Messages of a case: from the Police to the applicant (the eSpace's inbox) and back.
//! Their words are chosen by `kind` when they are read, in the reader's language; only what a
//! person wrote (a question, a refusal reason, an answer) is stored as text.

use serde::{Deserialize, Serialize};

/// The longest question, answer or refusal reason a person may write.
pub const ANSWER_MAX_CHARS: usize = 2_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    ToApplicant,
    FromApplicant,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Direction::ToApplicant => "to_applicant",
            Direction::FromApplicant => "from_applicant",
        }
    }

    pub fn from_code(code: &str) -> Option<Direction> {
        [Direction::ToApplicant, Direction::FromApplicant]
            .into_iter()
            .find(|d| d.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageKind {
    /// An agent took the request: it is being reviewed.
    InReview,
    /// The agent asks for information or documents.
    Question,
    /// The applicant's answer.
    Answer,
    Approved,
    Refused,
}

impl MessageKind {
    pub const ALL: [MessageKind; 5] = [
        MessageKind::InReview,
        MessageKind::Question,
        MessageKind::Answer,
        MessageKind::Approved,
        MessageKind::Refused,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MessageKind::InReview => "in_review",
            MessageKind::Question => "question",
            MessageKind::Answer => "answer",
            MessageKind::Approved => "approved",
            MessageKind::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<MessageKind> {
        MessageKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The message id of its subject line ("Your request is being reviewed").
    pub fn subject_id(self) -> String {
        format!("message-{}", self.code().replace('_', "-"))
    }
}

/// One message of a case, as both sides see it on the case's pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMessage {
    pub id: String,
    pub direction: Direction,
    pub kind: MessageKind,
    /// What the person wrote, if anything.
    pub body: Option<String>,
    pub created_at: String,
    pub read_at: Option<String>,
}

/// A line of the eSpace's inbox: a message to the applicant with its request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxMessage {
    pub message: CaseMessage,
    pub request_id: crate::model::RequestId,
    pub reference: String,
    pub procedure: super::super::Procedure,
    /// The client number an approval issued (procedure B).
    pub client_number: Option<String>,
}

/// A line of the inbox: a message about a request, or a notice about a connected site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InboxEntry {
    Case(InboxMessage),
    Site(crate::model::after_connection::Notice),
}

impl InboxEntry {
    pub fn created_at(&self) -> &str {
        match self {
            InboxEntry::Case(m) => &m.message.created_at,
            InboxEntry::Site(n) => &n.created_at,
        }
    }

    pub fn is_unread(&self) -> bool {
        match self {
            InboxEntry::Case(m) => m.message.read_at.is_none(),
            InboxEntry::Site(n) => n.read_at.is_none(),
        }
    }
}
