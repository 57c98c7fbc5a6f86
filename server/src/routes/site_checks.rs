//! The yearly maintenance and transmission test as plain forms: the applicant records one with
//! its date and certificate (`multipart/form-data`, checked as every upload is); both sides
//! download the certificates. And the test clock, which only a test portal has.

use app::api::backend::SiteStore;
use app::api::PortalError;
use app::model::after_connection::{check_done_on, YearlyCheck};
use app::model::{BusinessId, SiteId};
use app::model::{FieldErrors, StepValues, Submitted};
use app::pages::site_path;
use axum::extract::{ConnectInfo, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::documents::send_stored;
use super::extract::{PageParts, PoliceAgent, PostedForm, SignedInPerson};
use super::form_post::{refused, unavailable};
use super::render::render_page;
use crate::documents::intake::read_upload;
use crate::documents::DocumentStore;
use crate::store::requests::sha256_hex;
use crate::store::sites::NewCheck;
use crate::AppState;

/// The record form's inputs.
pub const CHECK_FIELD: &str = "check";
pub const DONE_ON_FIELD: &str = "done_on";
const FILE_FIELD: &str = "file";

/// `POST /espace/entreprises/{id}/sites/{site}/controles`: a check done, with its certificate.
pub async fn record_check(
    State(state): State<AppState>,
    Path((business_id, site_id)): Path<(BusinessId, SiteId)>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    multipart: Multipart,
) -> Response {
    let page = site_path(&business_id, &site_id);
    let site = match state
        .sites
        .site_for_member(&viewer.person_id, &business_id, &site_id)
        .await
    {
        Ok(Some(site)) => site,
        Ok(None) => return refused(&state, parts, &page, PortalError::NotFound).await,
        Err(error) => return unavailable(error),
    };
    // Each certificate is checked on its own (type, size, scan): a site gathers two a year,
    // so the request's own limit on the number of files does not apply to them.
    let mut alone = site.request.clone();
    alone.documents.clear();
    let upload = read_upload(&alone, multipart, state.virus_scanner.as_deref()).await;
    let typed: StepValues = upload
        .fields
        .iter()
        .filter(|(name, _)| [CHECK_FIELD, DONE_ON_FIELD].contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.trim().to_owned()))
        .collect();
    let mut errors = FieldErrors::default();
    let check = typed
        .get(CHECK_FIELD)
        .and_then(|c| YearlyCheck::from_code(c));
    if check.is_none() {
        errors.add(CHECK_FIELD, "check-required", None);
    }
    let today = match state.sites.today().await {
        Ok(today) => today,
        Err(error) => return unavailable(error),
    };
    let done_on = match check_done_on(
        typed
            .get(DONE_ON_FIELD)
            .map(String::as_str)
            .unwrap_or_default(),
        site.connection,
        today,
        "check",
    ) {
        Ok(day) => Some(day),
        Err(code) => {
            errors.add(DONE_ON_FIELD, &code, None);
            None
        }
    };
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    match (&upload.rejected, &upload.file) {
        (Some(rejection), _) => {
            errors.add(FILE_FIELD, rejection.code(), None);
            status = rejection.status();
        }
        (None, None) => errors.add(FILE_FIELD, "certificate-required", None),
        (None, Some(_)) => {}
    }
    let (Some(check), Some(done_on), Some(file), true) =
        (check, done_on, upload.file, errors.is_empty())
    else {
        let sent = Submitted {
            form: typed,
            errors,
        };
        return render_page(&state, parts, Some(&page), sent, status).await;
    };
    let new = NewCheck {
        check,
        done_on,
        file_name: if file.name.is_empty() {
            format!("{}.bin", check.code())
        } else {
            file.name
        },
        content_type: file.content_type.to_owned(),
        size_bytes: file.bytes.len() as u64,
        sha256: sha256_hex(&file.bytes),
        storage_key: DocumentStore::new_key(&site_id.request()),
    };
    let documents = state.requests.documents();
    if let Err(error) = documents.put(&new.storage_key, file.bytes).await {
        return unavailable(error);
    }
    match state
        .sites
        .record_check(&viewer.person_id, &business_id, &site_id, &new)
        .await
    {
        Ok(()) => Redirect::to(&format!("{page}#controles")).into_response(),
        Err(error) => {
            if let Err(error) = documents.delete(&new.storage_key).await {
                tracing::warn!(%error, "an unrecorded certificate stays in the store");
            }
            unavailable(error)
        }
    }
}

async fn send_certificate(state: &AppState, site_id: &SiteId, check_id: &str) -> Response {
    match state.sites.certificate(site_id, check_id).await {
        Ok(Some(stored)) => {
            send_stored(
                state.requests.documents(),
                &stored.storage_key,
                &stored.content_type,
                &stored.file_name,
                false,
            )
            .await
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => unavailable(error),
    }
}

/// `GET /espace/entreprises/{id}/sites/{site}/controles/{check}`: a certificate, for a member.
pub async fn member_certificate(
    State(state): State<AppState>,
    SignedInPerson(viewer): SignedInPerson,
    Path((business_id, site_id, check_id)): Path<(BusinessId, SiteId, String)>,
) -> Response {
    match state
        .sites
        .site_for_member(&viewer.person_id, &business_id, &site_id)
        .await
    {
        Ok(Some(_)) => send_certificate(&state, &site_id, &check_id).await,
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => unavailable(error),
    }
}

/// `GET /agent/sites/{site}/controles/{check}`: a certificate, for an agent.
pub async fn agent_certificate(
    State(state): State<AppState>,
    _: PoliceAgent,
    Path((site_id, check_id)): Path<(SiteId, String)>,
) -> Response {
    send_certificate(&state, &site_id, &check_id).await
}

/// `GET /dev/horloge`: the test clock's day; `POST` with `days=N` moves it N days forward and
/// runs the background jobs at once. Routed only when `ALARMIS_TEST_CLOCK=on`.
pub async fn test_clock_today(State(state): State<AppState>) -> Response {
    match state.sites.today().await {
        Ok(today) => today.iso().into_response(),
        Err(error) => unavailable(error),
    }
}

pub async fn advance_test_clock(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    PostedForm(form): PostedForm,
) -> Response {
    // It moves "today" for deletions too: only the tests, on this machine, move it, and only
    // forward (a load balancer on the same machine, as in the tests behind nginx, is loopback).
    if !peer.ip().is_loopback() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Some(days) = form
        .get("days")
        .and_then(|d| d.trim().parse::<i64>().ok())
        .filter(|d| (0..=36_600).contains(d))
    else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let today = match state.clock.advance(days).await {
        Ok(Some(today)) => today,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return unavailable(error),
    };
    // A run of another process may have read the old day: wait for the lease and run again,
    // so what the new day brings (reminders, deletions) is done when this answers.
    let holder = format!("test-clock-{}", uuid::Uuid::new_v4());
    let jobs = state.jobs();
    for _ in 0..100 {
        match jobs.run_leased(&holder).await {
            Ok(true) => return today.iso().into_response(),
            Ok(false) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            Err(error) => return unavailable(error),
        }
    }
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}
