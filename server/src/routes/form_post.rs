//! What the plain-form routes share: sending the page back with what was typed and why it was
//! refused, and the status of a refusal.

use app::api::PortalError;
use app::model::{FieldErrors, StepValues, Submitted};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::render::render_page;
use crate::AppState;

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
    render_page(state, parts, Some(page), (), status_of(&error)).await
}

/// The status a refusal answers with.
pub(super) fn status_of(error: &PortalError) -> StatusCode {
    StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

pub(super) fn unavailable(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "an action failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}
