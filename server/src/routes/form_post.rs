//! What the plain-form routes share: sending the page back with what was typed and why it was
//! refused, under the refusal's status.

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
    render_page(state, parts, Some(page), (), error.status()).await
}

pub(super) fn unavailable(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "an action failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}
