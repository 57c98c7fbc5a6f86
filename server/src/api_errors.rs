//! server_fn 0.8 answers every error with HTTP 500. Our server functions fail with `PortalError`,
//! which knows its own status (422 for answers to correct, 400 for a malformed request): this
//! middleware puts that status on the response, so a bad request never looks like a crash.

use app::api::PortalError;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// Error bodies are a few hundred bytes of JSON; anything larger is not ours to reinterpret.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn portal_error_status(request: Request, next: Next) -> Response {
    let is_server_fn = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, MAX_ERROR_BODY).await.unwrap_or_default();
    match serde_json::from_slice::<PortalError>(&bytes) {
        Ok(error) => {
            parts.status = error.status();
            if parts.status.is_server_error() {
                tracing::error!(?error, "server function failed");
            }
        }
        Err(_) => tracing::error!("server function failed with an unexpected error body"),
    }
    Response::from_parts(parts, Body::from(bytes))
}
