//! Documents of a draft: upload (a streamed `multipart/form-data` post, checked as it arrives),
//! download, remove; and the receipt of a submitted request. Every route finds the request
//! through the caller's membership first.

use app::api::backend::RequestStore;
use app::model::connection::{
    DocumentKind, FileFault, MAX_DOCUMENTS, MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES,
};
use app::model::{FieldErrors, StepValues, Submitted, Viewer};
use app::model::{ProcedureRequest, WizardStep};
use app::pages::request::{request_path, step_path};
use axum::body::Body;
use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use bytes::{Bytes, BytesMut};

use super::render::render_page;
use super::sign_in_first;
use crate::documents::{sniff, DocumentStore, ScanVerdict, VirusScanner};
use crate::store::audit::Event;
use crate::store::requests::{sha256_hex, NewDocument};
use crate::AppState;
use app::model::case::AuditAction;

/// Far enough past one file's limit that an oversize file is read to its end and answered
/// with a page that explains, rather than a connection cut mid-upload; the checks per chunk
/// keep memory at one file's limit whatever arrives.
pub const UPLOAD_BODY_LIMIT: usize = MAX_REQUEST_BYTES as usize + 1024 * 1024;
const FILE_NAME_MAX_CHARS: usize = 120;

/// Why an upload was refused: each is a message next to the file input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub(super) enum Rejection {
    #[error("no file")]
    NoFile,
    #[error("no kind")]
    NoKind,
    #[error("not a PDF, PNG or JPEG")]
    WrongType,
    #[error("file too large")]
    FileTooLarge,
    #[error("request too large")]
    RequestTooLarge,
    #[error("too many files")]
    TooManyFiles,
    #[error("a virus was found")]
    Infected,
    #[error("the virus scan is unavailable")]
    ScanUnavailable,
}

impl Rejection {
    pub(super) fn code(self) -> &'static str {
        match self {
            Rejection::NoFile => FileFault::Missing.code(),
            Rejection::NoKind => "kind-required",
            Rejection::WrongType => FileFault::WrongType.code(),
            Rejection::FileTooLarge => FileFault::TooLarge.code(),
            Rejection::RequestTooLarge => "request-too-large",
            Rejection::TooManyFiles => "too-many-files",
            Rejection::Infected => "file-infected",
            Rejection::ScanUnavailable => "file-scan-unavailable",
        }
    }

    pub(super) fn status(self) -> StatusCode {
        match self {
            Rejection::NoFile
            | Rejection::NoKind
            | Rejection::TooManyFiles
            | Rejection::Infected => StatusCode::UNPROCESSABLE_ENTITY,
            Rejection::ScanUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Rejection::WrongType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Rejection::FileTooLarge | Rejection::RequestTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        }
    }

    fn field(self) -> &'static str {
        match self {
            Rejection::NoKind => "kind",
            _ => "file",
        }
    }
}

/// The request of the URL if the caller may see it; `Err` is the response to send instead.
pub(super) async fn find_request(
    state: &AppState,
    parts: &Parts,
    business_id: &str,
    request_id: &str,
) -> Result<(Viewer, ProcedureRequest), Response> {
    let Some(viewer) = parts.extensions.get::<Viewer>().cloned() else {
        return Err(sign_in_first(&step_path(
            business_id,
            request_id,
            WizardStep::Documents,
        )));
    };
    match state
        .requests
        .request_for_member(&viewer.person_id, business_id, request_id)
        .await
    {
        Ok(Some(request)) => Ok((viewer, request)),
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
    business_id: String,
    request_id: String,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let multipart =
        match Multipart::from_request(Request::from_parts(parts.clone(), body), &state).await {
            Ok(multipart) => multipart,
            Err(rejection) => return rejection.into_response(),
        };
    let (viewer, request) = match find_request(&state, &parts, &business_id, &request_id).await {
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
    match receive(&state, &request, multipart).await {
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

enum Received {
    Rejected(Rejection),
    Failed(String),
}

impl From<Rejection> for Received {
    fn from(rejection: Rejection) -> Received {
        Received::Rejected(rejection)
    }
}

/// A file as it arrived: its cleaned name, bytes and real type.
pub(super) struct UploadedFile {
    pub name: String,
    pub bytes: Bytes,
    pub content_type: &'static str,
}

/// A `multipart/form-data` form as read: its text fields, its file if one was chosen, and why
/// the file was refused if it was. The text fields are kept either way, so a page sent back
/// keeps what was typed.
pub(super) struct Upload {
    pub fields: StepValues,
    pub file: Option<UploadedFile>,
    pub rejected: Option<Rejection>,
}

/// Reads the whole form, the file checked chunk by chunk as it arrives (type from the first
/// bytes, size against the file's and the request's limits), then by `scanner` when the
/// portal has one: a file leaves here only once it is known to be clean.
pub(super) async fn read_upload(
    request: &ProcedureRequest,
    mut multipart: Multipart,
    scanner: Option<&VirusScanner>,
) -> Upload {
    let mut upload = Upload {
        fields: StepValues::new(),
        file: None,
        rejected: None,
    };
    let full = request.documents.len() >= MAX_DOCUMENTS;
    let already: u64 = request.documents.iter().map(|d| d.size_bytes).sum();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                upload.rejected.get_or_insert(body_error(&error));
                break;
            }
        };
        match field.name().map(str::to_owned) {
            Some(name) if name == "file" => {
                let file_name = clean_file_name(field.file_name().unwrap_or_default());
                match read_file(field, already).await {
                    Ok((bytes, _)) if bytes.is_empty() => {}
                    // Only a file that comes is refused: an answer in words still goes through.
                    Ok(_) if full => {
                        upload.rejected.get_or_insert(Rejection::TooManyFiles);
                    }
                    Ok((bytes, content_type)) => match scan(scanner, &request.id, &bytes).await {
                        Ok(()) => {
                            upload.file = Some(UploadedFile {
                                name: file_name,
                                bytes,
                                content_type,
                            });
                        }
                        Err(rejection) => {
                            upload.rejected.get_or_insert(rejection);
                        }
                    },
                    Err(rejection) => {
                        upload.rejected.get_or_insert(rejection);
                    }
                }
            }
            Some(name) => match field.text().await {
                Ok(text) => {
                    upload.fields.insert(name, text);
                }
                Err(error) => {
                    upload.rejected.get_or_insert(body_error(&error));
                }
            },
            None => {}
        }
    }
    upload
}

/// Asks clamd about a received file; without a scanner every file passes. Refused when clamd
/// cannot answer: a file nobody scanned is never kept.
async fn scan(
    scanner: Option<&VirusScanner>,
    request_id: &str,
    bytes: &[u8],
) -> Result<(), Rejection> {
    let Some(scanner) = scanner else {
        return Ok(());
    };
    match scanner.scan(bytes).await {
        Ok(ScanVerdict::Clean) => {
            crate::metrics::scanned("clean");
            Ok(())
        }
        Ok(ScanVerdict::Infected(signature)) => {
            crate::metrics::scanned("infected");
            tracing::warn!(request = %request_id, %signature, "an upload carries a virus; refused");
            Err(Rejection::Infected)
        }
        Err(error) => {
            crate::metrics::scanned("unavailable");
            tracing::error!(%error, "cannot scan an upload; refused");
            Err(Rejection::ScanUnavailable)
        }
    }
}

/// Puts a received file in the document store under a new key; the database row comes after.
pub(super) async fn store_upload(
    state: &AppState,
    request_id: &str,
    kind: DocumentKind,
    file: UploadedFile,
) -> Result<NewDocument, String> {
    let document = NewDocument {
        kind,
        file_name: if file.name.is_empty() {
            format!("{}.bin", kind.code())
        } else {
            file.name
        },
        content_type: file.content_type.to_owned(),
        size_bytes: file.bytes.len() as u64,
        sha256: sha256_hex(&file.bytes),
        storage_key: DocumentStore::new_key(request_id),
    };
    state
        .requests
        .documents()
        .put(&document.storage_key, file.bytes)
        .await
        .map_err(|e| e.to_string())?;
    Ok(document)
}

/// The documents step's form: a kind and a file, both required.
async fn receive(
    state: &AppState,
    request: &ProcedureRequest,
    multipart: Multipart,
) -> Result<NewDocument, Received> {
    let upload = read_upload(request, multipart, state.virus_scanner.as_deref()).await;
    if let Some(rejection) = upload.rejected {
        return Err(rejection.into());
    }
    let kind = upload
        .fields
        .get("kind")
        .and_then(|code| DocumentKind::from_code(code.trim()))
        .ok_or(Rejection::NoKind)?;
    let file = upload.file.ok_or(Rejection::NoFile)?;
    store_upload(state, &request.id, kind, file)
        .await
        .map_err(Received::Failed)
}

/// The file's bytes and its real type. Stops at the first chunk past a limit or of a wrong
/// type; what the client still sends is read and dropped (at most the body limit), so the
/// browser gets the answer instead of a reset connection.
async fn read_file(mut field: Field<'_>, already: u64) -> Result<(Bytes, &'static str), Rejection> {
    let mut buffer = BytesMut::new();
    let mut content_type = None;
    let mut refused = None;
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(error) => return Err(body_error(&error)),
        };
        if refused.is_some() {
            continue;
        }
        buffer.extend_from_slice(&chunk);
        let size = buffer.len() as u64;
        if size > MAX_DOCUMENT_BYTES {
            refused = Some(Rejection::FileTooLarge);
        } else if already + size > MAX_REQUEST_BYTES {
            refused = Some(Rejection::RequestTooLarge);
        } else if content_type.is_none() && buffer.len() >= crate::documents::SNIFF_BYTES {
            match sniff(&buffer) {
                Some(kind) => content_type = Some(kind.mime()),
                None => refused = Some(Rejection::WrongType),
            }
        }
        if refused.is_some() {
            buffer = BytesMut::new();
        }
    }
    if let Some(rejection) = refused {
        return Err(rejection);
    }
    if buffer.is_empty() {
        return Ok((Bytes::new(), ""));
    }
    let content_type = match content_type {
        Some(kind) => kind,
        None => sniff(&buffer).ok_or(Rejection::WrongType)?.mime(),
    };
    Ok((buffer.freeze(), content_type))
}

/// A body cut short by the size limit is the file's fault; anything else is a malformed post.
fn body_error(error: &MultipartError) -> Rejection {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Rejection::FileTooLarge
    } else {
        Rejection::NoFile
    }
}

/// The name as shown back to people: no path, no control characters, a sane length.
fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    base.chars()
        .filter(|c| !c.is_control() && !matches!(c, '<' | '>' | '"'))
        .take(FILE_NAME_MAX_CHARS)
        .collect::<String>()
        .trim()
        .to_owned()
}

async fn discard(store: &DocumentStore, key: &str) {
    if let Err(error) = store.delete(key).await {
        tracing::warn!(%error, "an unrecorded upload stays in the store");
    }
}

/// `GET …/demandes/{request}/pieces/{document}`.
pub async fn download(
    State(state): State<AppState>,
    parts: Parts,
    Path((business_id, request_id, document_id)): Path<(String, String, String)>,
) -> Response {
    let (viewer, request) = match find_request(&state, &parts, &business_id, &request_id).await {
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
    parts: Parts,
    Path((business_id, request_id, document_id)): Path<(String, String, String)>,
) -> Response {
    let (_, request) = match find_request(&state, &parts, &business_id, &request_id).await {
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
    parts: Parts,
    Path((business_id, request_id)): Path<(String, String)>,
) -> Response {
    let (_, request) = match find_request(&state, &parts, &business_id, &request_id).await {
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

#[cfg(test)]
mod tests {
    use super::clean_file_name;

    #[test]
    fn file_names_lose_paths_and_markup() {
        assert_eq!(clean_file_name("C:\\Users\\me\\plan.pdf"), "plan.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("\"plan\"\u{7}<1>.pdf"), "plan1.pdf");
    }
}
