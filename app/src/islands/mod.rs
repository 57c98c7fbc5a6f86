//! The only parts of the portal that run in the browser: Leptos islands (`#[island]`). Every
//! page is rendered on the server and works as plain HTML (links and form posts); an island
//! adds what must happen before the server answers, and nothing else:
//!
//! - [`FormCheck`]: a form's fields checked as they are left and on submit, with the shared
//!   rules of `model` compiled to WASM, showing the server's own messages with no request;
//! - [`SessionWarning`]: the warning before a session ends for inactivity (WCAG 2.2.1).
//!
//! An island gets what it shows as props, rendered on the server in the page's language: no
//! catalogue, no Fluent, no router and no page reach the WASM. A page without an island gets no
//! script at all: the shell always ends with the island loader, and the server removes it from
//! a page that has no island (`server/src/page_scripts.rs`).

mod form_check;
#[cfg(feature = "hydrate")]
mod form_dom;
mod session_warning;

pub use form_check::{FormCheck, FormCheckTexts, FormChecked};
pub use session_warning::{SessionWarning, SessionWarningTexts, WarnBeforeSessionEnds};

/// Wakes the islands' reactive system in the browser; `frontend` calls it, which also keeps
/// this crate, and so its islands, in the bundle (see `frontend/src/lib.rs`).
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
