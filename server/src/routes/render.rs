//! Renders a page in answer to a plain form's POST: the same page a GET would show, with what
//! the server received put in context (typed values and messages, so nothing is lost), under
//! the status that says what happened.

use axum::body::Body;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode, Uri};
use axum::response::Response;
use leptos::prelude::provide_context;

use crate::AppState;

/// Renders the page at `page` (the form's own address when `None`) with `extra` in context.
pub async fn render_page<T>(
    state: &AppState,
    mut parts: Parts,
    page: Option<&str>,
    extra: T,
    status: StatusCode,
) -> Response
where
    T: Clone + Send + Sync + 'static,
{
    if let Some(page) = page.and_then(|p| p.parse::<Uri>().ok()) {
        parts.uri = page;
    }
    parts.method = Method::GET;
    let context = crate::page_context(state);
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            context();
            provide_context(extra.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut response = render(Request::from_parts(parts, Body::empty())).await;
    if response.status().is_success() {
        *response.status_mut() = status;
    }
    response
}
