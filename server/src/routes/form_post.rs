//! What the plain-form routes share: sending the page back with what was typed and why it was
//! refused, under the refusal's status.

use app::api::PortalError;
use app::model::case::ANSWER_MAX_CHARS;
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

/// What a person wrote, checked: required, at most `ANSWER_MAX_CHARS`.
pub(super) fn written(
    form: &StepValues,
    field: &str,
    required: &str,
    too_long: &str,
) -> Result<String, FieldErrors> {
    match written_if_any(form, field, too_long)? {
        Some(text) => Ok(text),
        None => Err(FieldErrors::single(field, required)),
    }
}

/// What a person may write, checked: at most `ANSWER_MAX_CHARS`; `None` when left empty.
pub(super) fn written_if_any(
    form: &StepValues,
    field: &str,
    too_long: &str,
) -> Result<Option<String>, FieldErrors> {
    let text = form.get(field).map(|t| t.trim()).unwrap_or_default();
    if text.chars().count() > ANSWER_MAX_CHARS {
        Err(FieldErrors::single(field, too_long))
    } else {
        Ok(Some(text.to_owned()).filter(|t| !t.is_empty()))
    }
}
