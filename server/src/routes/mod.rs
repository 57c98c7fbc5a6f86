//! Plain axum routes beside the Leptos pages and server functions.

mod health;
mod invitations;
mod language;
mod new_business;

pub use health::healthz;
pub use invitations::{accept_without_javascript, invite_without_javascript};
pub use language::choose_language;
pub(crate) use language::is_local_path;
pub use new_business::{create_business_without_javascript, NEW_BUSINESS_PATH};
