//! Connected sites' plain forms (the same with and without JavaScript): the applicant reports a
//! change; an agent accepts or refuses it, records the day the line was connected and the
//! interventions after false alerts.

use app::api::backend::StoreError;
use app::api::PortalError;
use app::model::after_connection::{
    check_connection_day, check_false_alert, check_index_entry, ChangePart, ConnectedSite,
};
use app::model::{BusinessId, CalendarDate, FieldErrors, SiteId};
use app::pages::{agent_site_path, report_change_path, site_path, SITE_SENT_QUERY};
use app::paths::{AGENT_PRICE_INDEX, AGENT_SITES};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::extract::{PageParts, PoliceAgent, PostedForm, SignedInPerson};
use super::form_post::{refused, sent_back, unavailable, written};
use crate::store::price_indices;
use crate::store::sites::{ChangeOutcome, ChangeVerdict};
use crate::AppState;

/// `POST /espace/entreprises/{id}/sites/{site}/changement/{part}`: the part's new values.
pub async fn report_change(
    State(state): State<AppState>,
    Path((business_id, site_id, slug)): Path<(BusinessId, SiteId, String)>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let Some(part) = ChangePart::from_slug(&slug) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let page = report_change_path(&business_id, &site_id, part);
    let outcome = state
        .sites
        .report_change(&viewer.person_id, &business_id, &site_id, part, &form)
        .await;
    let errors = match outcome {
        Ok(ChangeOutcome::Done) => {
            let sent = format!("{}?{SITE_SENT_QUERY}=1", site_path(&business_id, &site_id));
            return Redirect::to(&sent).into_response();
        }
        Ok(ChangeOutcome::NotFound) => {
            return refused(&state, parts, &page, PortalError::NotFound).await
        }
        Ok(ChangeOutcome::Invalid(errors)) => errors,
        Ok(ChangeOutcome::AlreadyPending | ChangeOutcome::AlreadyDecided) => {
            FieldErrors::single(part.fields()[0], "change-already-pending")
        }
        Err(error) => return unavailable(error),
    };
    sent_back(
        &state,
        parts,
        &page,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// `POST /agent/sites/{site}/changements/{change}`: accept, or refuse with a reason.
pub async fn decide_change(
    State(state): State<AppState>,
    Path((site_id, change_id)): Path<(SiteId, String)>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = agent_site_path(&site_id);
    let verdict = match form.get("decision").map(String::as_str) {
        Some("accept") => ChangeVerdict::Accept,
        Some("refuse") => {
            // Which part's form it was: where the message goes (one report waits per part).
            let Some(part) = form
                .get("part")
                .and_then(|code| ChangePart::from_code(code))
            else {
                return StatusCode::BAD_REQUEST.into_response();
            };
            let field = part.reason_field();
            let required = "change-refusal-reason-required";
            match written(&form, field, required, "refusal-reason-too-long") {
                Ok(reason) => ChangeVerdict::Refuse { reason },
                Err(errors) => {
                    let status = StatusCode::UNPROCESSABLE_ENTITY;
                    return sent_back(&state, parts, &page, form, errors, status).await;
                }
            }
        }
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    match state
        .sites
        .decide_change(&agent.person_id, &site_id, &change_id, &verdict)
        .await
    {
        Ok(ChangeOutcome::Done) => Redirect::to(&page).into_response(),
        Ok(ChangeOutcome::NotFound) => refused(&state, parts, &page, PortalError::NotFound).await,
        Ok(_) => {
            let errors = FieldErrors::single("changes", "change-already-decided");
            sent_back(&state, parts, &page, form, errors, StatusCode::CONFLICT).await
        }
        Err(error) => unavailable(error),
    }
}

/// The site an agent's form is about, and today (the test clock's day when it is on): the
/// days the forms give are checked against both.
async fn site_and_today(
    state: &AppState,
    site_id: &SiteId,
) -> Result<Option<(ConnectedSite, CalendarDate)>, StoreError> {
    let Some(site) = state.sites.site(site_id).await? else {
        return Ok(None);
    };
    Ok(Some((site, state.sites.today().await?)))
}

/// `POST /agent/sites/{site}/fausses-alertes`: an intervention after a false alert.
pub async fn record_false_alert(
    State(state): State<AppState>,
    Path(site_id): Path<SiteId>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = agent_site_path(&site_id);
    let (site, today) = match site_and_today(&state, &site_id).await {
        Ok(Some(found)) => found,
        Ok(None) => return refused(&state, parts, &page, PortalError::NotFound).await,
        Err(error) => return unavailable(error),
    };
    let alert = match check_false_alert(&form, site.connection, today) {
        Ok(checked) => checked,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return sent_back(&state, parts, &page, form, errors, status).await;
        }
    };
    match state
        .sites
        .record_false_alert(&agent.person_id, &site_id, alert)
        .await
    {
        Ok(true) => Redirect::to(&format!("{page}#fausses-alertes")).into_response(),
        Ok(false) => refused(&state, parts, &page, PortalError::NotFound).await,
        Err(error) => unavailable(error),
    }
}

/// `POST /agent/sites/{site}/raccordement`: the day the site's line was connected (or its first
/// transmission test succeeded), from which its yearly dates count.
pub async fn record_connection(
    State(state): State<AppState>,
    Path(site_id): Path<SiteId>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = agent_site_path(&site_id);
    let (site, today) = match site_and_today(&state, &site_id).await {
        Ok(Some(found)) => found,
        Ok(None) => return refused(&state, parts, &page, PortalError::NotFound).await,
        Err(error) => return unavailable(error),
    };
    let day = match check_connection_day(&form, site.connection.approved_on(), today) {
        Ok(day) => day,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return sent_back(&state, parts, &page, form, errors, status).await;
        }
    };
    match state
        .sites
        .record_connection(&agent.person_id, &site_id, day)
        .await
    {
        Ok(true) => Redirect::to(&format!("{page}#raccordement")).into_response(),
        Ok(false) => refused(&state, parts, &page, PortalError::NotFound).await,
        Err(error) => unavailable(error),
    }
}

/// `POST /agent/sites/indice`: a value of the weighted cost-of-living index and the day it came
/// into force (or a correction of the value for that day).
pub async fn enter_price_index(
    State(state): State<AppState>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let (day, value) = match check_index_entry(&form) {
        Ok(entry) => entry,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return sent_back(&state, parts, AGENT_PRICE_INDEX, form, errors, status).await;
        }
    };
    match price_indices::enter(&state.db, &agent.person_id, day, value).await {
        Ok(()) => Redirect::to(&format!("{AGENT_SITES}#indice")).into_response(),
        Err(error) => unavailable(error),
    }
}
