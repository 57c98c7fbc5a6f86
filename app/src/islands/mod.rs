//! The only parts of the portal that run in the browser: Leptos islands (`#[island]`). Every
//! page is rendered on the server and works as plain HTML (links and form posts); an island
//! adds what must happen before the server answers, and nothing else:
//!
//! - [`FormCheck`]: a form's fields checked as they are left and on submit, with the shared
//!   rules of `model` compiled to WASM, showing the server's own messages with no request;
//! - [`SessionWarning`]: the warning before a session ends for inactivity (WCAG 2.2.1).
//!
//! An island finds what it shows in the server's markup beside it, rendered in the page's
//! language (no props, so no JSON parser in the WASM): no catalogue, no Fluent, no router and
//! no page reach the browser. A page without an island gets no script at all: the shell always
//! ends with the island loader, and the server removes it from a page that has no island
//! (`server/src/page_scripts.rs`).

#[cfg(feature = "hydrate")]
mod dom;
mod form_check;
#[cfg(feature = "hydrate")]
mod form_dom;
#[cfg(feature = "hydrate")]
mod form_read;
mod form_texts;
mod session_clock;
#[cfg(feature = "hydrate")]
mod session_dom;
mod session_warning;

pub use form_check::{FormCheck, FormChecked};
pub use form_texts::FormCheckTexts;
pub use session_warning::{SessionWarning, WarnBeforeSessionEnds};

/// Wakes the islands' reactive system in the browser; `frontend` calls it, which also keeps
/// this crate, and so its islands, in the bundle (see `frontend/src/lib.rs`).
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
