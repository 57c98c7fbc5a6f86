use leptos::prelude::*;

use super::PortalError;
use crate::model::{EligibilityAnswers, EligibilityOutcome};

/// Checks the home page's eligibility answers. The browser runs the same validation first;
/// this is the check that counts, for a request that skipped the browser or had no JavaScript.
#[server(endpoint = "check_eligibility")]
pub async fn check_eligibility(
    answers: EligibilityAnswers,
) -> Result<EligibilityOutcome, PortalError> {
    answers.assess().map_err(PortalError::Invalid)
}
