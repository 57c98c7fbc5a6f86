//! Documents of a draft: upload (a streamed `multipart/form-data` post, checked as it arrives),
//! download, remove; and the receipt of a submitted request. Every route finds the request
//! through the caller's membership first.

use app::api::backend::RequestStore;
use app::model::case::AuditAction;
use app::model::{BusinessId, RequestId};
use app::model::{FieldErrors, StepValues, Submitted, Viewer};
use app::model::{ProcedureRequest, WizardStep};
use app::pages::request::{request_path, step_path};
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::extract::SignedInPerson;
use super::render::render_page;
use crate::documents::intake::{discard, receive, Received};
use crate::documents::DocumentStore;
use crate::store::audit::Event;
use crate::AppState;

/// The request of the URL if `viewer` may see it; `Err` is the response to send instead.
pub(super) async fn find_request(
    state: &AppState,
    viewer: &Viewer,
    business_id: &BusinessId,
    request_id: &RequestId,
) -> Result<ProcedureRequest, Response> {
    match state
        .requests
        .request_for_member(&viewer.person_id, business_id, request_id)
        .await
    {
        Ok(Some(request)) => Ok(request),
        Ok(None) => Err(StatusCode::NOT_FOUND.into_response()),
        Err(error) => {
            tracing::error!(%error, "cannot load a request");
            Err(StatusCode::SERVICE_UNAVAILABLE.into_response())
        }
    }
}

/// `POST …/demandes/{request}/documents` as `multipart/form-data`: one file and its kind.
pub async fn upload(
    state: AppState,
    viewer: Viewer,
    business_id: BusinessId,
    request_id: RequestId,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let multipart =
        match Multipart::from_request(Request::from_parts(parts.clone(), body), &state).await {
            Ok(multipart) => multipart,
            Err(rejection) => return rejection.into_response(),
        };
    let request = match find_request(&state, &viewer, &business_id, &request_id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let documents_page = step_path(&business_id, &request_id, WizardStep::Documents);
    // Only procedure B's wizard has a documents step.
    if request.procedure.number(WizardStep::Documents) == 0 {
        return render_page(&state, parts, None, (), StatusCode::NOT_FOUND).await;
    }
    if request.reference.is_some() {
        return Redirect::to(&request_path(&business_id, &request_id)).into_response();
    }
    let scanner = state.virus_scanner.as_deref();
    match receive(state.requests.documents(), scanner, &request, multipart).await {
        Ok(document) => match state
            .requests
            .add_document(&viewer.person_id, &request.id, &document)
            .await
        {
            Ok(Some(_)) => Redirect::to(&documents_page).into_response(),
            Ok(None) => {
                discard(state.requests.documents(), &document.storage_key).await;
                Redirect::to(&request_path(&business_id, &request_id)).into_response()
            }
            Err(error) => {
                tracing::error!(%error, "cannot record a document");
                discard(state.requests.documents(), &document.storage_key).await;
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        },
        Err(Received::Rejected(rejection)) => {
            tracing::info!(reason = %rejection, "upload refused");
            let sent_back = Submitted {
                form: StepValues::new(),
                errors: FieldErrors::single(rejection.field(), rejection.code()),
            };
            render_page(
                &state,
                parts,
                Some(&documents_page),
                sent_back,
                rejection.status(),
            )
            .await
        }
        Err(Received::Failed(error)) => {
            tracing::error!(%error, "cannot store an upload");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// `GET …/demandes/{request}/pieces/{document}`.
pub async fn download(
    State(state): State<AppState>,
    SignedInPerson(viewer): SignedInPerson,
    Path((business_id, request_id, document_id)): Path<(BusinessId, RequestId, String)>,
) -> Response {
    let request = match find_request(&state, &viewer, &business_id, &request_id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(document) = request.documents.iter().find(|d| d.id == document_id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // A submitted request's files are the case's: every download is in its trail.
    if request.reference.is_some() {
        let event = Event::applicant(&viewer.person_id, AuditAction::DocumentDownloaded)
            .on(&request.business_id, &request.id)
            .detail(document.id.clone());
        if let Err(error) = crate::store::audit::record(&state.db, event).await {
            tracing::error!(%error, "cannot record a download");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    }
    let key = match state.requests.document_key(&request.id, &document.id).await {
        Ok(Some(key)) => key,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot find a document");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    send_file(
        state.requests.documents(),
        &key,
        &document.content_type,
        &document.file_name,
    )
    .await
}

/// `POST …/demandes/{request}/pieces/{document}/supprimer`.
pub async fn remove(
    State(state): State<AppState>,
    SignedInPerson(viewer): SignedInPerson,
    Path((business_id, request_id, document_id)): Path<(BusinessId, RequestId, String)>,
) -> Response {
    let request = match find_request(&state, &viewer, &business_id, &request_id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state
        .requests
        .remove_document(&request.id, &document_id)
        .await
    {
        Ok(true) => Redirect::to(&step_path(&business_id, &request_id, WizardStep::Documents))
            .into_response(),
        Ok(false) if request.reference.is_some() => {
            Redirect::to(&request_path(&business_id, &request_id)).into_response()
        }
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot remove a document");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// `GET …/demandes/{request}/recepisse.pdf`.
pub async fn receipt(
    State(state): State<AppState>,
    SignedInPerson(viewer): SignedInPerson,
    Path((business_id, request_id)): Path<(BusinessId, RequestId)>,
) -> Response {
    let request = match find_request(&state, &viewer, &business_id, &request_id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(reference) = request.reference.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match state.requests.receipt_key(&request.id).await {
        Ok(Some(key)) => {
            let name = format!("{reference}.pdf");
            send_file(state.requests.documents(), &key, "application/pdf", &name).await
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot find a receipt");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// A stored file as a download: its recorded type, never sniffed by the browser, not cached
/// by shared caches, with its name for the save dialog.
async fn send_file(store: &DocumentStore, key: &str, content_type: &str, name: &str) -> Response {
    send_stored(store, key, content_type, name, false).await
}

/// A stored file, as a download or (`inline`) shown by the browser itself: only PDF, PNG and
/// JPEG are ever stored, recognised by their bytes, so the browser shows what was checked.
pub(super) async fn send_stored(
    store: &DocumentStore,
    key: &str,
    content_type: &str,
    name: &str,
    inline: bool,
) -> Response {
    let bytes = match store.get(key).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "cannot read a stored file");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "{}; filename=\"{ascii}\"; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        app::components::percent_encode(name)
    );
    let mut response = Body::from(bytes).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}
