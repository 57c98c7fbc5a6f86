//! Procedure A's actions, as plain forms (they work the same with and without JavaScript):
//! the applicant types the code from the letter; the agent, once the request is approved
//! (`routes::cases`), downloads the letter (which issues a new code) and records that it was
//! posted.

use app::api::PortalError;
use app::model::certification::TokenInput;
use app::model::{BusinessId, RequestId};
use app::model::{FieldErrors, StepValues};
use app::pages::{agent_case_path, business_path};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::extract::{PageParts, PoliceAgent, PostedForm, SignedInPerson};
use super::form_post::{refused, sent_back, unavailable};
use crate::certification::letter;
use crate::store::certification::{LetterOutcome, PostedOutcome, Redemption};
use crate::AppState;

/// `POST /espace/entreprises/{id}/certification`: a code typed from the letter.
pub async fn redeem(
    State(state): State<AppState>,
    Path(business_id): Path<BusinessId>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = business_path(&business_id);
    let typed = form.get(CODE_FIELD).cloned().unwrap_or_default();
    let kept = StepValues::from([(CODE_FIELD.to_owned(), typed.clone())]);
    let code = match TokenInput::parse(&typed) {
        Ok(code) => code,
        Err(error) => {
            let errors = FieldErrors::single(CODE_FIELD, error.code());
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return sent_back(&state, parts, &page, kept, errors, status).await;
        }
    };
    let outcome = match state
        .certifications
        .redeem(&viewer.person_id, &business_id, &code)
        .await
    {
        Ok(Some(outcome)) => outcome,
        Ok(None) => return refused(&state, parts, &page, PortalError::NotFound).await,
        Err(error) => return unavailable(error),
    };
    let (code, n, status) = match outcome {
        Redemption::Certified { .. } | Redemption::AlreadyCertified => {
            return Redirect::to(&format!("{page}#certification")).into_response();
        }
        Redemption::Wrong => ("token-wrong", None, StatusCode::UNPROCESSABLE_ENTITY),
        Redemption::Expired => ("token-expired", None, StatusCode::UNPROCESSABLE_ENTITY),
        Redemption::Used => ("token-used", None, StatusCode::UNPROCESSABLE_ENTITY),
        Redemption::Replaced => ("token-replaced", None, StatusCode::UNPROCESSABLE_ENTITY),
        Redemption::ClientNumberTaken => ("token-client-number-taken", None, StatusCode::CONFLICT),
        Redemption::Locked { minutes, .. } => {
            ("token-locked", Some(minutes), StatusCode::TOO_MANY_REQUESTS)
        }
    };
    let mut errors = FieldErrors::default();
    errors.add(CODE_FIELD, code, n);
    sent_back(&state, parts, &page, kept, errors, status).await
}

/// The code input's name.
pub const CODE_FIELD: &str = "code";

/// `POST /agent/demandes/{request}/lettre`: a new code, in the letter's PDF. A POST, because
/// it changes something: the request's earlier code stops working.
pub async fn letter(
    State(state): State<AppState>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    Path(request_id): Path<RequestId>,
) -> Response {
    let page = agent_case_path(&request_id);
    match state
        .certifications
        .issue_letter(&agent.person_id, &request_id)
        .await
    {
        Ok(LetterOutcome::Issued(issued)) => {
            let pdf = letter::render(&issued);
            let name = format!(
                "attachment; filename=\"lettre-{}.pdf\"",
                issued
                    .request
                    .reference
                    .as_deref()
                    .unwrap_or("certification")
            );
            let mut response = pdf.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            );
            if let Ok(value) = HeaderValue::from_str(&name) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            // The code is in these bytes: no cache may keep them.
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Ok(LetterOutcome::NotFound) => refused(&state, parts, &page, PortalError::NotFound).await,
        Ok(LetterOutcome::WrongStatus) => {
            let errors = FieldErrors::single("letter", "letter-wrong-status");
            let status = StatusCode::CONFLICT;
            sent_back(&state, parts, &page, StepValues::new(), errors, status).await
        }
        Err(error) => unavailable(error),
    }
}

/// `POST /agent/demandes/{request}/envoi`: the latest letter went out by post.
pub async fn posted(
    State(state): State<AppState>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    Path(request_id): Path<RequestId>,
) -> Response {
    let page = agent_case_path(&request_id);
    match state
        .certifications
        .mark_posted(&agent.person_id, &request_id)
        .await
    {
        Ok(PostedOutcome::Posted) => Redirect::to(&page).into_response(),
        Ok(PostedOutcome::NotFound) => refused(&state, parts, &page, PortalError::NotFound).await,
        Ok(PostedOutcome::NothingToPost) => {
            let errors = FieldErrors::single("letter", "letter-nothing-to-post");
            let status = StatusCode::CONFLICT;
            sent_back(&state, parts, &page, StepValues::new(), errors, status).await
        }
        Err(error) => unavailable(error),
    }
}
