//! What arrives in a `multipart/form-data` post, before anything is kept: the form's text
//! fields, and its file read chunk by chunk (type from its first bytes, size against the file's
//! and the request's limits), scanned by ClamAV when the portal has it, then put in the document
//! store. Used by the wizard's documents step, the answer to the Police's question and the
//! yearly checks' certificates.

use app::model::connection::{
    DocumentKind, FileFault, MAX_DOCUMENTS, MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES,
};
use app::model::RequestId;
use app::model::{ProcedureRequest, StepValues};
use axum::extract::multipart::{Field, MultipartError};
use axum::extract::Multipart;
use axum::http::StatusCode;
use bytes::{Bytes, BytesMut};

use super::{sniff, DocumentStore, ScanVerdict, VirusScanner};
use crate::store::requests::{sha256_hex, NewDocument};

/// Far enough past one file's limit that an oversize file is read to its end and answered
/// with a page that explains, rather than a connection cut mid-upload; the checks per chunk
/// keep memory at one file's limit whatever arrives.
pub const UPLOAD_BODY_LIMIT: usize = MAX_REQUEST_BYTES as usize + 1024 * 1024;
const FILE_NAME_MAX_CHARS: usize = 120;

/// Why an upload was refused: each is a message next to the file input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
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
    pub fn code(self) -> &'static str {
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

    pub fn status(self) -> StatusCode {
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

    pub fn field(self) -> &'static str {
        match self {
            Rejection::NoKind => "kind",
            _ => "file",
        }
    }
}

pub enum Received {
    Rejected(Rejection),
    Failed(String),
}

impl From<Rejection> for Received {
    fn from(rejection: Rejection) -> Received {
        Received::Rejected(rejection)
    }
}

/// A file as it arrived: its cleaned name, bytes and real type.
pub struct UploadedFile {
    pub name: String,
    pub bytes: Bytes,
    pub content_type: &'static str,
}

/// A `multipart/form-data` form as read: its text fields, its file if one was chosen, and why
/// the file was refused if it was. The text fields are kept either way, so a page sent back
/// keeps what was typed.
pub struct Upload {
    pub fields: StepValues,
    pub file: Option<UploadedFile>,
    pub rejected: Option<Rejection>,
}

/// Reads the whole form, the file checked chunk by chunk as it arrives (type from the first
/// bytes, size against the file's and the request's limits), then by `scanner` when the
/// portal has one: a file leaves here only once it is known to be clean.
pub async fn read_upload(
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
    request_id: &RequestId,
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
pub async fn store_upload(
    store: &DocumentStore,
    request_id: &RequestId,
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
    store
        .put(&document.storage_key, file.bytes)
        .await
        .map_err(|e| e.to_string())?;
    Ok(document)
}

/// The documents step's form: a kind and a file, both required.
pub async fn receive(
    store: &DocumentStore,
    scanner: Option<&VirusScanner>,
    request: &ProcedureRequest,
    multipart: Multipart,
) -> Result<NewDocument, Received> {
    let upload = read_upload(request, multipart, scanner).await;
    if let Some(rejection) = upload.rejected {
        return Err(rejection.into());
    }
    let kind = upload
        .fields
        .get("kind")
        .and_then(|code| DocumentKind::from_code(code.trim()))
        .ok_or(Rejection::NoKind)?;
    let file = upload.file.ok_or(Rejection::NoFile)?;
    store_upload(store, &request.id, kind, file)
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

pub async fn discard(store: &DocumentStore, key: &str) {
    if let Err(error) = store.delete(key).await {
        tracing::warn!(%error, "an unrecorded upload stays in the store");
    }
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
