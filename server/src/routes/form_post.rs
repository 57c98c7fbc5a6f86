//! What the plain-form routes share: reading a small URL-encoded form, sending the page back
//! with what was typed and why it was refused, and finding the signed-in police agent.

use app::api::PortalError;
use app::model::{FieldErrors, Role, StepValues, Submitted, Viewer};
use axum::body::to_bytes;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::render::render_page;
use super::sign_in_first;
use crate::AppState;

/// A code, a question, a decision and its reason: a few kilobytes at most.
const FORM_BODY_LIMIT: usize = 16 * 1024;

pub(super) async fn form_of(request: Request) -> Result<(Parts, StepValues), Response> {
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, FORM_BODY_LIMIT)
        .await
        .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
    let values = serde_urlencoded::from_bytes(&bytes)
        .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
    Ok((parts, values))
}

/// The page again, with what was typed and why it was refused.
pub(super) async fn sent_back(
    state: &AppState,
    parts: Parts,
    page: &str,
    form: StepValues,
    errors: FieldErrors,
    status: StatusCode,
) -> Response {
    render_page(state, parts, Some(page), Submitted { form, errors }, status).await
}

/// The page with the refusal's status (its content says why: not found, not allowed).
pub(super) async fn refused(
    state: &AppState,
    parts: Parts,
    page: &str,
    error: PortalError,
) -> Response {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    render_page(state, parts, Some(page), (), status).await
}

pub(super) fn unavailable(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "an action failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

/// The signed-in police agent; otherwise the answer to send (sign in first, or 403).
pub(super) async fn agent_of(
    state: &AppState,
    parts: &Parts,
    page: &str,
) -> Result<Viewer, Response> {
    match parts.extensions.get::<Viewer>().cloned() {
        None => Err(sign_in_first(page)),
        Some(viewer) if viewer.role == Role::PoliceAgent => Ok(viewer),
        Some(_) => Err(refused(state, parts.clone(), page, PortalError::Forbidden).await),
    }
}

/// A small form posted by a police agent: its parts, values and the agent; otherwise the
/// answer to send.
pub(super) async fn agent_form(
    state: &AppState,
    request: Request,
    page: &str,
) -> Result<(Parts, StepValues, Viewer), Response> {
    let (parts, form) = form_of(request).await?;
    let agent = agent_of(state, &parts, page).await?;
    Ok((parts, form, agent))
}
