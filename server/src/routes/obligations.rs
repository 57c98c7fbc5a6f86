//! `GET /obligations.pdf`: the sheet of obligations once connected, in the reader's language
//! (the language cookie, then `Accept-Language`), for anyone: nothing in it is personal.

use app::i18n::locale_of_request;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::AppState;

pub async fn obligations_sheet(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let locale = locale_of_request(&headers);
    let pdf = crate::obligations_sheet::render(locale, state.config.sites.price_index);
    let name = format!(
        "inline; filename=\"obligations-alarmis-{}.pdf\"",
        locale.code()
    );
    let mut response = pdf.into_response();
    let response_headers = response.headers_mut();
    response_headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(value) = HeaderValue::from_str(&name) {
        response_headers.insert(header::CONTENT_DISPOSITION, value);
    }
    // One address, three languages: a cache must keep them apart; the index can change.
    response_headers.insert(
        header::VARY,
        HeaderValue::from_static("Cookie, Accept-Language"),
    );
    response_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}
