//! The back office's actions as plain forms (the same with and without JavaScript): an agent
//! takes a case, asks the applicant, decides; the applicant answers from the request's page;
//! agents view and download documents and export the audit trail.

use app::api::PortalError;
use app::model::case::{AuditAction, ANSWER_MAX_CHARS};
use app::model::connection::DocumentKind;
use app::model::{BusinessId, RequestId};
use app::model::{FieldErrors, RequestStatus, StepValues, Submitted, Viewer};
use app::pages::agent_case_path;
use app::pages::request::{request_path, ANSWER_FIELD};
use axum::extract::{Multipart, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::documents::{find_request, send_stored};
use super::extract::{PageParts, PoliceAgent, PostedForm, SignedInPerson};
use super::form_post::{refused, sent_back, unavailable, written};
use super::render::render_page;
use crate::documents::intake::{read_upload, store_upload};
use crate::store::audit::Event;
use crate::store::cases::{Answer, CaseOutcome, Verdict};
use crate::AppState;

/// The question's and the refusal reason's input names.
const QUESTION_FIELD: &str = "question";
const REASON_FIELD: &str = "reason";

/// The answer to an action that changed nothing: why, on the case page.
async fn not_done(
    state: &AppState,
    parts: Parts,
    page: &str,
    form: StepValues,
    outcome: CaseOutcome,
) -> Response {
    let code = match outcome {
        CaseOutcome::Done => return Redirect::to(page).into_response(),
        CaseOutcome::NotFound => return refused(state, parts, page, PortalError::NotFound).await,
        CaseOutcome::WrongStatus => "case-wrong-status",
        CaseOutcome::ClientNumberTaken => "client-number-taken",
    };
    let errors = FieldErrors::single("case", code);
    sent_back(state, parts, page, form, errors, StatusCode::CONFLICT).await
}

/// `POST /agent/demandes/{request}/prise`: the agent takes the case.
pub async fn take(
    State(state): State<AppState>,
    Path(request_id): Path<RequestId>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = agent_case_path(&request_id);
    match state.cases.take(&agent.person_id, &request_id).await {
        Ok(outcome) => not_done(&state, parts, &page, form, outcome).await,
        Err(error) => unavailable(error),
    }
}

/// `POST /agent/demandes/{request}/question`: ask the applicant for information or documents.
pub async fn ask(
    State(state): State<AppState>,
    Path(request_id): Path<RequestId>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = agent_case_path(&request_id);
    let question = match written(
        &form,
        QUESTION_FIELD,
        "question-required",
        "question-too-long",
    ) {
        Ok(question) => question,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return sent_back(&state, parts, &page, form, errors, status).await;
        }
    };
    match state
        .cases
        .ask(&agent.person_id, &request_id, &question)
        .await
    {
        Ok(outcome) => not_done(&state, parts, &page, form, outcome).await,
        Err(error) => unavailable(error),
    }
}

/// `POST /agent/demandes/{request}/decision`: approve, or refuse with a reason.
pub async fn decide(
    State(state): State<AppState>,
    Path(request_id): Path<RequestId>,
    PoliceAgent(agent): PoliceAgent,
    PageParts(parts): PageParts,
    PostedForm(form): PostedForm,
) -> Response {
    let page = agent_case_path(&request_id);
    let verdict = match form.get("decision").map(String::as_str) {
        Some("approve") => Verdict::Approve,
        Some("refuse") => match written(
            &form,
            REASON_FIELD,
            "refusal-reason-required",
            "refusal-reason-too-long",
        ) {
            Ok(reason) => Verdict::Refuse { reason },
            Err(errors) => {
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                return sent_back(&state, parts, &page, form, errors, status).await;
            }
        },
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    match state
        .cases
        .decide(&agent.person_id, &request_id, &verdict)
        .await
    {
        Ok(outcome) => not_done(&state, parts, &page, form, outcome).await,
        Err(error) => unavailable(error),
    }
}

/// `POST /espace/entreprises/{id}/demandes/{request}` as `multipart/form-data`: the
/// applicant's answer to the Police's question, with a file or not.
pub async fn answer(
    State(state): State<AppState>,
    Path((business_id, request_id)): Path<(BusinessId, RequestId)>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    multipart: Multipart,
) -> Response {
    let page = request_path(&business_id, &request_id);
    let found = match find_request(&state, &viewer, &business_id, &request_id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if found.status != RequestStatus::Waiting {
        // Nothing asked (any more): the page says where the request stands.
        return Redirect::to(&page).into_response();
    }
    let upload = read_upload(&found, multipart, state.virus_scanner.as_deref()).await;
    let text = upload
        .fields
        .get(ANSWER_FIELD)
        .map(|t| t.trim().to_owned())
        .unwrap_or_default();
    let kept = StepValues::from([(ANSWER_FIELD.to_owned(), text.clone())]);
    let refuse = |errors: FieldErrors, status: StatusCode| {
        let sent = Submitted {
            form: kept.clone(),
            errors,
        };
        render_page(&state, parts.clone(), Some(&page), sent, status)
    };
    if let Some(rejection) = upload.rejected {
        tracing::info!(reason = %rejection, "answer's file refused");
        return refuse(
            FieldErrors::single("file", rejection.code()),
            rejection.status(),
        )
        .await;
    }
    if text.chars().count() > ANSWER_MAX_CHARS {
        let errors = FieldErrors::single(ANSWER_FIELD, "answer-too-long");
        return refuse(errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    if text.is_empty() && upload.file.is_none() {
        let errors = FieldErrors::single(ANSWER_FIELD, "answer-required");
        return refuse(errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let document = match upload.file {
        None => None,
        Some(file) => {
            let kind = upload
                .fields
                .get("kind")
                .and_then(|code| DocumentKind::from_code(code.trim()))
                .unwrap_or(DocumentKind::Other);
            match store_upload(state.requests.documents(), &found.id, kind, file).await {
                Ok(document) => Some(document),
                Err(error) => return unavailable(error),
            }
        }
    };
    let stored_key = document.as_ref().map(|d| d.storage_key.clone());
    let outcome = state
        .cases
        .answer(&viewer.person_id, &found, &Answer { text, document })
        .await;
    if !matches!(outcome, Ok(CaseOutcome::Done)) {
        if let Some(key) = stored_key {
            if let Err(error) = state.requests.documents().delete(&key).await {
                tracing::warn!(%error, "an unrecorded answer's file stays in the store");
            }
        }
    }
    match outcome {
        Ok(CaseOutcome::Done) => Redirect::to(&format!("{page}#messages")).into_response(),
        Ok(_) => Redirect::to(&page).into_response(),
        Err(error) => unavailable(error),
    }
}

#[derive(serde::Deserialize)]
pub struct DocumentQuery {
    /// `?voir=1`: shown in the browser rather than saved.
    voir: Option<String>,
}

/// `GET /agent/demandes/{request}/pieces/{document}`: a document of a case, for an agent;
/// the look is in the audit trail before the bytes leave.
pub async fn agent_document(
    State(state): State<AppState>,
    PoliceAgent(agent): PoliceAgent,
    Path((request_id, document_id)): Path<(RequestId, String)>,
    Query(query): Query<DocumentQuery>,
) -> Response {
    let request = match state.cases.submitted_request(&request_id).await {
        Ok(Some(request)) => request,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return unavailable(error),
    };
    let Some(document) = request.documents.iter().find(|d| d.id == document_id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let key = match state.requests.document_key(&request.id, &document.id).await {
        Ok(Some(key)) => key,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return unavailable(error),
    };
    let inline = query.voir.as_deref() == Some("1");
    let action = if inline {
        AuditAction::DocumentViewed
    } else {
        AuditAction::DocumentDownloaded
    };
    let event = Event::agent(&agent.person_id, action)
        .on(&request.business_id, &request.id)
        .detail(document.id.clone());
    if let Err(error) = state.cases.record(event).await {
        return unavailable(error);
    }
    send_stored(
        state.requests.documents(),
        &key,
        &document.content_type,
        &document.file_name,
        inline,
    )
    .await
}

/// `GET /agent/journal.csv`: the whole audit trail.
pub async fn trail_csv(State(state): State<AppState>, PoliceAgent(agent): PoliceAgent) -> Response {
    export(&state, &agent, None).await
}

/// `GET /agent/demandes/{request}/journal.csv`: one case's audit trail.
pub async fn case_trail_csv(
    State(state): State<AppState>,
    Path(request_id): Path<RequestId>,
    PoliceAgent(agent): PoliceAgent,
) -> Response {
    export(&state, &agent, Some(&request_id)).await
}

async fn export(state: &AppState, agent: &Viewer, request_id: Option<&RequestId>) -> Response {
    let business_id = match request_id {
        None => None,
        Some(id) => match state.cases.submitted_request(id).await {
            Ok(Some(request)) => Some(request.business_id),
            Ok(None) => return StatusCode::NOT_FOUND.into_response(),
            Err(error) => return unavailable(error),
        },
    };
    let mut event = Event::agent(&agent.person_id, AuditAction::TrailExported);
    if let (Some(business), Some(request)) = (business_id.as_ref(), request_id) {
        event = event.on(business, request);
    }
    if let Err(error) = state.cases.record(event).await {
        return unavailable(error);
    }
    let csv = match state.cases.trail_csv(request_id).await {
        Ok(csv) => csv,
        Err(error) => return unavailable(error),
    };
    let name = format!(
        "attachment; filename=\"journal-{}.csv\"",
        request_id.map_or("alarmis", RequestId::as_str)
    );
    let mut response = csv.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
