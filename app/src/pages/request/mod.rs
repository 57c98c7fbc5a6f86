//! The wizards of both procedures (A, certification; B, connection request) inside a business
//! eSpace, with a request's own page and the eSpace's list of requests. Each step
//! is a page with a plain form that posts to its own address (it works without JavaScript);
//! with JavaScript the same rules run in the browser first and the step saves through a
//! server function.

mod answer_form;
mod documents;
mod exchange;
mod form_step;
mod questions;
mod request_page;
mod requests_list;
mod review;
mod step_page;

pub use answer_form::ANSWER_FIELD;
pub use exchange::Exchange;
pub use questions::{message_ids, sections};
pub use request_page::RequestPage;
pub use requests_list::{RequestsList, StartRequest};
pub use review::{answer_rows, value_rows, AllAnswers};
pub use step_page::WizardStepPage;

pub use crate::paths::{
    delete_path, document_path, new_request_path, receipt_path, remove_document_path, request_path,
    step_path,
};

use crate::model::WizardStep;
use crate::model::{BusinessId, RequestId};

/// The start form's field naming the procedure (`Procedure::code`).
pub const PROCEDURE_FIELD: &str = "procedure";

/// A step opened from the review: saving it goes back to the review.
pub fn change_path(business_id: &BusinessId, request_id: &RequestId, step: WizardStep) -> String {
    format!(
        "{}?{BACK_TO_REVIEW}=1",
        step_path(business_id, request_id, step)
    )
}

/// The query parameter and form field that send a changed step back to the review.
pub const BACK_TO_REVIEW: &str = "retour";
