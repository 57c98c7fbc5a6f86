//! The HTTP edge: what a plain-form route needs from a request, each read once and each refusal
//! answered the same way everywhere.
//!
//! - [`SignedInPerson`]: the person the session names; not signed in (a session that ended while
//!   a form was being filled in), the answer is the sign-in, which brings them back to the page
//!   they were on.
//! - [`PoliceAgent`]: the same, and a police agent; anyone else gets the agents' page, which
//!   says they may not see it, with 403.
//! - [`PageParts`]: the request's head, to render the page again at the form's own address with
//!   what was typed (a refused post comes back where it was sent).
//! - [`PostedForm`]: a URL-encoded form, at most [`BODY_LIMIT`]: 413 beyond, 400 unreadable.

use std::convert::Infallible;

use app::model::{Role, StepValues, Viewer};
use axum::body::to_bytes;
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequestParts, Request};
use axum::http::header::REFERER;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};

use super::is_local_path;
use super::render::render_page;
use super::sign_in_first;
use crate::body_limit::BODY_LIMIT;
use crate::AppState;

/// The signed-in person.
pub struct SignedInPerson(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for SignedInPerson {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        match parts.extensions.get::<Viewer>() {
            Some(viewer) => Ok(SignedInPerson(viewer.clone())),
            None => Err(sign_in_first(&return_to(parts))),
        }
    }
}

impl<S: Send + Sync> OptionalFromRequestParts<S> for SignedInPerson {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Option<Self>, Infallible> {
        Ok(parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .map(SignedInPerson))
    }
}

/// A signed-in police agent.
pub struct PoliceAgent(pub Viewer);

impl FromRequestParts<AppState> for PoliceAgent {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let SignedInPerson(viewer) =
            <SignedInPerson as FromRequestParts<AppState>>::from_request_parts(parts, state)
                .await?;
        if viewer.role == Role::PoliceAgent {
            return Ok(PoliceAgent(viewer));
        }
        Err(render_page(
            state,
            parts.clone(),
            Some(app::paths::AGENT),
            (),
            StatusCode::FORBIDDEN,
        )
        .await)
    }
}

/// Where sign-in brings the person back: for a form's post, the page the form was on (the
/// browser's same-site `Referer`: the CSRF check already refused any other); otherwise, and
/// when the browser sent none, this address.
fn return_to(parts: &Parts) -> String {
    let here = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned());
    if parts.method == Method::GET {
        return here;
    }
    parts
        .headers
        .get(REFERER)
        .and_then(|referer| referer.to_str().ok())
        .and_then(|referer| url::Url::parse(referer).ok())
        .map(|page| match page.query() {
            Some(query) => format!("{}?{query}", page.path()),
            None => page.path().to_owned(),
        })
        .filter(|page| is_local_path(page))
        .unwrap_or(here)
}

/// The request's head, kept to render a page in answer to the post.
pub struct PageParts(pub Parts);

impl<S: Send + Sync> FromRequestParts<S> for PageParts {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(PageParts(parts.clone()))
    }
}

/// A plain form's values.
pub struct PostedForm(pub StepValues);

impl<S: Send + Sync> FromRequest<S> for PostedForm {
    type Rejection = Response;

    async fn from_request(request: Request, _: &S) -> Result<Self, Response> {
        let bytes = to_bytes(request.into_body(), BODY_LIMIT)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        serde_urlencoded::from_bytes(&bytes)
            .map(PostedForm)
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())
    }
}
