//! Plain axum routes beside the Leptos pages and server functions.

mod health;
mod language;

pub use health::healthz;
pub use language::choose_language;
