//! The HTTP status of a server-rendered page. A page that renders a refusal or "not found"
//! says so in its status too, for browsers, crawlers and tests; in the browser this does nothing.

/// Sets the response's status when rendering on the server.
pub fn set_http_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
