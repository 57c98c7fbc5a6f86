//! Request body limits for every route: uploads (a `multipart/form-data` post) up to one
//! request's documents, everything else — forms, server functions — a few tens of kilobytes.
//! A declared length over the limit is refused before a byte is read; a body that grows past
//! it while streaming is cut off, and the handler reading it fails with 413.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::routes::UPLOAD_BODY_LIMIT;

/// Forms and server functions: the longest answers (a motivation, a refusal's reason) are a
/// few thousand characters; 64 KiB leaves room for every step's fields at once.
pub const BODY_LIMIT: usize = 64 * 1024;

pub async fn limit_bodies(request: Request, next: Next) -> Response {
    let max = if is_multipart(request.headers()) {
        UPLOAD_BODY_LIMIT
    } else {
        BODY_LIMIT
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > max as u64) {
        return too_large(max);
    }
    let request = request.map(|body| Body::new(http_body_util::Limited::new(body, max)));
    next.run(request).await
}

fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

fn too_large(max: usize) -> Response {
    let kib = max / 1024;
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "Cette demande est trop volumineuse (au plus {kib} Kio) et n'a pas été lue.\n\
             Diese Anfrage ist zu groß (höchstens {kib} KiB) und wurde nicht gelesen.\n\
             This request is too large (at most {kib} KiB) and was not read.\n"
        ),
    )
        .into_response()
}
