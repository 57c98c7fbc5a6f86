//! The one error type of every server function: what went wrong, in terms the person can act on.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::model::FieldErrors;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PortalError {
    /// Some answers must be corrected; each carries its own message.
    #[error("some answers need correcting")]
    Invalid(FieldErrors),
    /// The page or action needs a signed-in person.
    #[error("sign-in required")]
    SignInRequired,
    /// Signed in, but this is not theirs to see or change (a police page, for an applicant).
    #[error("not allowed")]
    Forbidden,
    /// Nothing there, or nothing this person may know exists (another person's eSpace).
    #[error("not found")]
    NotFound,
    /// A wizard step was reached before the ones it follows were done (a crafted address or
    /// post): the person is sent back to the first step to complete.
    #[error("earlier steps are not complete")]
    StepNotReady,
    /// The request was submitted and can no longer change.
    #[error("already submitted")]
    AlreadySubmitted,
    /// The business eSpace is already certified: procedure A has nothing left to do.
    #[error("already certified")]
    AlreadyCertified,
    /// The request is not in a status that allows this action (approve a draft, decide twice).
    #[error("not possible in the request's status")]
    WrongStatus,
    /// The request itself was malformed (not something a person typing in the form can cause).
    #[error("the request could not be understood")]
    BadRequest,
    /// The server or the network failed; trying again later may work. Details stay in the logs.
    #[error("the service is unavailable")]
    Unavailable,
}

impl PortalError {
    /// The catalogue id of the sentence shown to the person.
    pub fn message_id(&self) -> &'static str {
        match self {
            PortalError::Invalid(_) => "error-summary-title",
            PortalError::SignInRequired => "error-sign-in-required",
            PortalError::Forbidden => "error-forbidden",
            PortalError::NotFound => "error-not-found",
            PortalError::StepNotReady => "error-step-not-ready",
            PortalError::AlreadySubmitted => "error-already-submitted",
            PortalError::AlreadyCertified => "error-already-certified",
            PortalError::WrongStatus => "error-wrong-status",
            PortalError::BadRequest => "error-bad-request",
            PortalError::Unavailable => "error-unavailable",
        }
    }

    /// The HTTP status this error leaves the server with (server_fn itself always says 500).
    pub fn status_code(&self) -> u16 {
        match self {
            PortalError::Invalid(_) => 422,
            PortalError::SignInRequired => 401,
            PortalError::Forbidden => 403,
            PortalError::NotFound => 404,
            PortalError::StepNotReady
            | PortalError::AlreadySubmitted
            | PortalError::AlreadyCertified
            | PortalError::WrongStatus => 409,
            PortalError::BadRequest => 400,
            PortalError::Unavailable => 503,
        }
    }

    /// [`PortalError::status_code`] as the server's HTTP type.
    #[cfg(feature = "ssr")]
    pub fn status(&self) -> http::StatusCode {
        http::StatusCode::from_u16(self.status_code())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl FromServerFnError for PortalError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => PortalError::BadRequest,
            _ => PortalError::Unavailable,
        }
    }
}
