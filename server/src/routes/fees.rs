//! A false alert's fee contested and decided (issue 24, point 12), through plain forms: the
//! beneficiary contests with a reason from the site's page; an agent confirms the fee with the
//! Police's reasons, or cancels it. A refused form comes back at its own address.

use app::api::PortalError;
use app::model::after_connection::{FeeMove, CONTEST_REASON_FIELD, DECISION_NOTE_FIELD};
use app::model::case::ANSWER_MAX_CHARS;
use app::model::{BusinessId, FieldErrors, SiteId, StepValues};
use app::paths::{agent_fee_decision_path, agent_site_path, fee_contest_path, site_path};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::extract::{PageParts, PoliceAgent, PostedForm, SignedInPerson};
use super::form_post::{refused, sent_back, unavailable};
use crate::store::sites::{FeeActor, FeeOutcome};
use crate::AppState;

/// The text typed in `field`, trimmed; or the message when it is empty (and `required`) or
/// too long.
fn words<'a>(
    form: &'a StepValues,
    field: &str,
    required: &'static str,
) -> Result<&'a str, &'static str> {
    let text = form.get(field).map(|t| t.trim()).unwrap_or_default();
    if text.is_empty() && !required.is_empty() {
        Err(required)
    } else if text.chars().count() > ANSWER_MAX_CHARS {
        Err("fee-words-too-long")
    } else {
        Ok(text)
    }
}

/// `POST /espace/entreprises/{id}/sites/{site}/fausses-alertes/{alert}/contestation`.
pub async fn contest_fee(
    State(state): State<AppState>,
    Path((business_id, site_id, alert_id)): Path<(BusinessId, SiteId, String)>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = fee_contest_path(&business_id, &site_id, &alert_id);
    let reason = match words(&form, CONTEST_REASON_FIELD, "contest-reason-required") {
        Ok(reason) => reason.to_owned(),
        Err(code) => {
            let errors = FieldErrors::single(CONTEST_REASON_FIELD, code);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return sent_back(&state, parts, &page, form, errors, status).await;
        }
    };
    let actor = FeeActor::Member {
        person_id: &viewer.person_id,
        business_id: &business_id,
        reason: &reason,
    };
    match state.sites.move_fee(&site_id, &alert_id, actor).await {
        Ok(FeeOutcome::Done) => {
            let site = site_path(&business_id, &site_id);
            Redirect::to(&format!("{site}#fausses-alertes")).into_response()
        }
        Ok(FeeOutcome::NotFound) => refused(&state, parts, &page, PortalError::NotFound).await,
        Ok(FeeOutcome::WrongStatus) => {
            let errors = FieldErrors::single(CONTEST_REASON_FIELD, "fee-already-contested");
            sent_back(&state, parts, &page, form, errors, StatusCode::CONFLICT).await
        }
        Err(error) => unavailable(error),
    }
}

/// `POST /agent/sites/{site}/fausses-alertes/{alert}/decision`: `decision` is `confirm` (the
/// reasons are required: the beneficiary reads why) or `cancel` (a note is optional).
pub async fn decide_fee(
    State(state): State<AppState>,
    Path((site_id, alert_id)): Path<(SiteId, String)>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = agent_fee_decision_path(&site_id, &alert_id);
    let (action, required) = match form.get("decision").map(String::as_str) {
        Some("confirm") => (FeeMove::Confirm, "fee-confirm-reason-required"),
        Some("cancel") => (FeeMove::Cancel, ""),
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    let note = match words(&form, DECISION_NOTE_FIELD, required) {
        Ok(note) => Some(note.to_owned()).filter(|n| !n.is_empty()),
        Err(code) => {
            let errors = FieldErrors::single(DECISION_NOTE_FIELD, code);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return sent_back(&state, parts, &page, form, errors, status).await;
        }
    };
    let actor = FeeActor::Agent {
        agent_id: &agent.person_id,
        action,
        note: note.as_deref(),
    };
    match state.sites.move_fee(&site_id, &alert_id, actor).await {
        Ok(FeeOutcome::Done) => {
            let site = agent_site_path(&site_id);
            Redirect::to(&format!("{site}#fausses-alertes")).into_response()
        }
        Ok(FeeOutcome::NotFound) => refused(&state, parts, &page, PortalError::NotFound).await,
        Ok(FeeOutcome::WrongStatus) => {
            let errors = FieldErrors::single(DECISION_NOTE_FIELD, "fee-already-decided");
            sent_back(&state, parts, &page, form, errors, StatusCode::CONFLICT).await
        }
        Err(error) => unavailable(error),
    }
}
