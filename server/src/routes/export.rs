//! `GET /espace/mes-donnees.zip`: the signed-in person's data and documents (GDPR).

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use super::extract::SignedInPerson;
use super::form_post::unavailable;
use crate::AppState;

pub async fn person_data(
    State(state): State<AppState>,
    SignedInPerson(viewer): SignedInPerson,
) -> Response {
    let zip = match crate::export::person_zip(&state, &viewer.person_id).await {
        Ok(zip) => zip,
        Err(error) => return unavailable(error),
    };
    let mut response = zip.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"alarmis-mes-donnees.zip\""),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
