//! `GET /espace/mes-donnees.zip`: the signed-in person's data and documents (GDPR).

use app::model::Viewer;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use super::form_post::unavailable;
use super::sign_in_first;
use crate::AppState;

pub const EXPORT_PATH: &str = "/espace/mes-donnees.zip";

pub async fn person_data(State(state): State<AppState>, parts: Parts) -> Response {
    let Some(viewer) = parts.extensions.get::<Viewer>().cloned() else {
        return sign_in_first("/espace");
    };
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
