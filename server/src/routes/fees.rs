//! A false alert's fee contested and decided (issue 24, point 12), through plain forms: the
//! beneficiary contests with a reason from the site's page; an agent confirms the fee with the
//! Police's reasons, or cancels it. A refused form comes back at its own address.

use app::api::PortalError;
use app::model::after_connection::{FeeMove, CONTEST_REASON_FIELD, DECISION_NOTE_FIELD};
use app::model::{BusinessId, FieldErrors, SiteId};
use app::paths::{agent_fee_decision_path, agent_site_path, fee_contest_path, site_path};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::extract::{PageParts, PoliceAgent, PostedForm, SignedInPerson};
use super::form_post::{refused, sent_back, unavailable, written, written_if_any};
use crate::store::sites::{FeeActor, FeeOutcome};
use crate::AppState;

/// `POST /espace/entreprises/{id}/sites/{site}/fausses-alertes/{alert}/contestation`.
pub async fn contest_fee(
    State(state): State<AppState>,
    Path((business_id, site_id, alert_id)): Path<(BusinessId, SiteId, String)>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = fee_contest_path(&business_id, &site_id, &alert_id);
    let required = "contest-reason-required";
    let reason = match written(&form, CONTEST_REASON_FIELD, required, "fee-words-too-long") {
        Ok(reason) => reason,
        Err(errors) => {
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
    let (field, too_long) = (DECISION_NOTE_FIELD, "fee-words-too-long");
    // Confirming needs the Police's reasons: the beneficiary reads why; cancelling, a note if any.
    let (action, note) = match form.get("decision").map(String::as_str) {
        Some("confirm") => (
            FeeMove::Confirm,
            written(&form, field, "fee-confirm-reason-required", too_long).map(Some),
        ),
        Some("cancel") => (FeeMove::Cancel, written_if_any(&form, field, too_long)),
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    let note = match note {
        Ok(note) => note,
        Err(errors) => {
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
