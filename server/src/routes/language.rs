//! `GET /language/{code}?return_to=/path`: remembers the chosen language in a cookie (and in
//! the profile of someone signed in) and goes back to the page the person was on. A link, so it
//! works without JavaScript.

use app::i18n::{Locale, LANGUAGE_COOKIE};
use app::model::Viewer;
use axum::extract::{Path, Query, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

use crate::AppState;

/// A year: the choice should outlive the session, as on any public-service site.
const COOKIE_MAX_AGE_SECONDS: u32 = 365 * 24 * 3600;

#[derive(Deserialize)]
pub struct ReturnTo {
    return_to: Option<String>,
}

pub async fn choose_language(
    State(state): State<AppState>,
    viewer: Option<Extension<Viewer>>,
    Path(code): Path<String>,
    Query(query): Query<ReturnTo>,
) -> Response {
    let Some(locale) = Locale::from_tag(&code).filter(|l| l.code() == code) else {
        return (
            StatusCode::NOT_FOUND,
            "Unknown language / Langue inconnue / Unbekannte Sprache",
        )
            .into_response();
    };
    if let Some(Extension(viewer)) = viewer {
        // The cookie is the choice that counts on this device; the profile carries it to the
        // next one, so a failure here costs nothing now.
        if let Err(error) =
            crate::store::persons::save_locale(&state.db, &viewer.person_id, locale).await
        {
            tracing::warn!(%error, "cannot keep the language in the profile");
        }
    }
    let target = query
        .return_to
        .filter(|path| is_local_path(path))
        .unwrap_or_else(|| "/".to_owned());
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let (Some(cookie), Ok(location)) = (
        language_cookie(locale, state.config.is_https()),
        HeaderValue::from_str(&target),
    ) {
        headers.insert(SET_COOKIE, cookie);
        headers.insert(LOCATION, location);
    }
    response
}

/// The `Set-Cookie` value that keeps `locale` in this browser for a year.
pub(crate) fn language_cookie(locale: Locale, secure: bool) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age={COOKIE_MAX_AGE_SECONDS}; SameSite=Lax; HttpOnly{secure}",
        locale.code()
    ))
    .ok()
}

/// Only a path on this site: `//host` and `/\host` would send the person elsewhere (open redirect).
pub(crate) fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/?check=1&postcode=L-2540#check"));
        for foreign in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "evil",
            "/\r\nSet-Cookie: x",
        ] {
            assert!(!is_local_path(foreign), "{foreign:?}");
        }
    }
}
