//! The wizards' plain forms, posted without JavaScript (with it, the pages
//! call the same rules through server functions): start, save a step, submit, delete.

use app::api::requests::server as wizard;
use app::api::PortalError;
use app::model::{BusinessId, RequestId};
use app::model::{Procedure, Submitted, WizardStep};
use app::pages::business_path;
use app::pages::request::{request_path, step_path, BACK_TO_REVIEW, PROCEDURE_FIELD};
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::extract::{PageParts, PostedForm, SignedInPerson};
use super::form_post::refused;
use super::render::render_page;
use super::sign_in_first;
use crate::AppState;

/// `POST /espace/entreprises/{id}/demandes`: a new draft of the posted procedure, opened at its
/// first step.
pub async fn start_request(
    State(state): State<AppState>,
    Path(business_id): Path<BusinessId>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    PostedForm(values): PostedForm,
) -> Response {
    let page = business_path(&business_id);
    // A form from before procedure A existed posts no procedure: it meant B.
    let Some(procedure) = values
        .get(PROCEDURE_FIELD)
        .map_or(Some(Procedure::Connection), |code| {
            Procedure::from_code(code)
        })
    else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    match wizard::start(&*state.requests, &viewer.person_id, &business_id, procedure).await {
        Ok(id) => {
            Redirect::to(&step_path(&business_id, &id, procedure.first_step())).into_response()
        }
        Err(PortalError::Unavailable) => Redirect::to(&page).into_response(),
        // Not a member: the eSpace's page says "not found", as for any other address of it;
        // already certified: the eSpace's page shows it.
        Err(error) => refused(&state, parts, &page, error).await,
    }
}

/// `POST /espace/entreprises/{id}/demandes/{request}/{step}`: saves a step and goes to the next
/// one, or shows the step again with the typed answers and the messages. The review's form
/// submits the request.
pub async fn post_step(
    State(state): State<AppState>,
    Path((business_id, request_id, slug)): Path<(BusinessId, RequestId, String)>,
    SignedInPerson(viewer): SignedInPerson,
    request: Request,
) -> Response {
    // The documents step's upload form posts a file to the step's own address, so that a
    // refused file comes back on the very page (and URL) the browser hydrates.
    let is_upload = request
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"multipart/form-data"));
    if is_upload && slug == WizardStep::Documents.slug() {
        return super::documents::upload(state, viewer, business_id, request_id, request).await;
    }
    let (parts, body) = request.into_parts();
    let page = step_path_of(&business_id, &request_id, &slug);
    let request = Request::from_parts(parts.clone(), body);
    let mut values = match PostedForm::from_request(request, &state).await {
        Ok(PostedForm(values)) => values,
        Err(response) => return response,
    };
    // Only a slug of some wizard is a step; whether it is this request's is the rules' call.
    let Some(step) = Procedure::ALL.iter().find_map(|p| p.step(&slug)) else {
        return render_page(&state, parts, None, (), StatusCode::NOT_FOUND).await;
    };
    let back_to_review = values.remove(BACK_TO_REVIEW).is_some();
    let store = &*state.requests;
    let outcome = if step == WizardStep::Review {
        let locale = app::i18n::locale_of_request(&parts.headers);
        wizard::submit(store, &viewer.person_id, &business_id, &request_id, locale)
            .await
            .map(|_| request_path(&business_id, &request_id))
    } else {
        wizard::save_step(
            store,
            &viewer.person_id,
            &business_id,
            &request_id,
            step,
            &values,
            back_to_review,
        )
        .await
        .map(|next| step_path(&business_id, &request_id, next))
    };
    match outcome {
        Ok(next) => Redirect::to(&next).into_response(),
        Err(PortalError::Invalid(errors)) => {
            let sent_back = Submitted {
                form: values,
                errors,
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render_page(&state, parts, None, sent_back, status).await
        }
        Err(PortalError::SignInRequired) => sign_in_first(&page),
        Err(error) => {
            let status = error.status();
            // The step page explains (not found, earlier steps first, already submitted) and,
            // when the service failed, keeps what was typed.
            let sent_back = Submitted {
                form: values,
                errors: Default::default(),
            };
            render_page(&state, parts, None, sent_back, status).await
        }
    }
}

/// `POST /espace/entreprises/{id}/demandes/{request}/supprimer`.
pub async fn delete_request(
    State(state): State<AppState>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    Path((business_id, request_id)): Path<(BusinessId, RequestId)>,
) -> Response {
    match wizard::delete_draft(
        &*state.requests,
        &viewer.person_id,
        &business_id,
        &request_id,
    )
    .await
    {
        Ok(()) => Redirect::to(&business_path(&business_id)).into_response(),
        Err(error) => {
            let page = request_path(&business_id, &request_id);
            refused(&state, parts, &page, error).await
        }
    }
}

fn step_path_of(business_id: &BusinessId, request_id: &RequestId, slug: &str) -> String {
    format!("{}/{slug}", request_path(business_id, request_id))
}
