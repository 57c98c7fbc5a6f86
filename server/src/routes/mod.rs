//! Plain axum routes beside the Leptos pages and server functions.

mod cases;
mod certification;
mod documents;
mod export;
mod extract;
mod fees;
mod form_post;
mod health;
mod invitations;
mod language;
mod new_business;
mod obligations;
pub(crate) mod render;
mod requests;
mod site_checks;
mod sites;

pub use crate::documents::intake::UPLOAD_BODY_LIMIT;
pub use cases::{agent_document, answer, ask, case_trail_csv, decide, take, trail_csv};
pub use certification::{letter, posted, redeem};
pub use documents::{download, receipt, remove};
pub use export::person_data;
pub use fees::{contest_fee, decide_fee};
pub use health::healthz;
pub use invitations::{accept_without_javascript, invite_without_javascript};
pub use language::choose_language;
pub(crate) use language::{is_local_path, language_cookie};
pub use obligations::obligations_sheet;
pub use requests::{delete_request, post_step, start_request};
pub use site_checks::{
    advance_test_clock, agent_certificate, member_certificate, record_check, test_clock_today,
};
pub use sites::{
    decide_change, enter_price_index, record_connection, record_false_alert, report_change,
};

/// Sends someone who is not signed in to sign-in, and back to `return_to` afterwards.
pub(crate) fn sign_in_first(return_to: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    axum::response::Redirect::to(&app::components::sign_in_href(return_to)).into_response()
}
pub use new_business::create_business_without_javascript;
