//! Step 6, the supporting documents (procedure; R2005 Art. 9): the building plan and the
//! certificate of conformity are required, others optional.

use serde::{Deserialize, Serialize};

/// One file's limit, and a whole request's: checked while the upload streams in.
/// Decimal megabytes, as people and their file managers count them ("10 MB").
pub const MAX_DOCUMENT_BYTES: u64 = 10_000_000;
/// The file input's name (and id) on the forms that upload a document; a missing required
/// document's message belongs to it.
pub const DOCUMENT_FILE_FIELD: &str = "file";
pub const MAX_REQUEST_BYTES: u64 = 30_000_000;
/// The document kind's input name on the forms that upload a document.
pub const DOCUMENT_KIND_FIELD: &str = "kind";
/// Enough for a plan, a certificate and a few more; a runaway script stops here.
pub const MAX_DOCUMENTS: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    BuildingPlan,
    ConformityCertificate,
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::BuildingPlan,
        DocumentKind::ConformityCertificate,
        DocumentKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::BuildingPlan => "building-plan",
            DocumentKind::ConformityCertificate => "conformity-certificate",
            DocumentKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn is_required(self) -> bool {
        !matches!(self, DocumentKind::Other)
    }

    pub fn message_id(self) -> String {
        format!("document-kind-{}", self.code())
    }
}

/// The file types accepted, recognised by their first bytes, never by their name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentType {
    Pdf,
    Png,
    Jpeg,
}

impl DocumentType {
    pub fn mime(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Png => "image/png",
            DocumentType::Jpeg => "image/jpeg",
        }
    }

    pub fn from_mime(mime: &str) -> Option<DocumentType> {
        [DocumentType::Pdf, DocumentType::Png, DocumentType::Jpeg]
            .into_iter()
            .find(|t| t.mime() == mime)
    }
}

/// Why a chosen file cannot go, as far as can be told before it is sent. The server tells the
/// same faults by the same codes while the file streams in (`routes::documents`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFault {
    /// No file chosen where one is needed.
    Missing,
    /// Not a PDF, PNG or JPEG.
    WrongType,
    /// Over one file's limit.
    TooLarge,
}

impl FileFault {
    pub fn code(self) -> &'static str {
        match self {
            FileFault::Missing => "file-required",
            FileFault::WrongType => "file-type",
            FileFault::TooLarge => "file-too-large",
        }
    }
}

/// The document picker's check in the browser, before a byte is sent: the type the browser
/// gives a chosen file (from its name) against the accepted ones, then its size against one
/// file's limit, in the server's order. The server decides the type by the content, whatever
/// the name (`documents::sniff`): a type the browser does not know (`""`) is left to it, and a
/// renamed file still meets its check.
pub fn chosen_file_fault(browser_type: &str, size: u64) -> Option<FileFault> {
    if !browser_type.is_empty() && DocumentType::from_mime(browser_type).is_none() {
        Some(FileFault::WrongType)
    } else if size > MAX_DOCUMENT_BYTES {
        Some(FileFault::TooLarge)
    } else {
        None
    }
}

/// An uploaded file as the applicant sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: String,
    pub kind: DocumentKind,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: u64,
    /// Hex SHA-256 of the content, printed on the receipt.
    pub sha256: String,
    pub uploaded_at: String,
}

/// Whether every required kind has a file.
pub fn has_required_documents(documents: &[DocumentInfo]) -> bool {
    DocumentKind::ALL
        .into_iter()
        .filter(|k| k.is_required())
        .all(|kind| documents.iter().any(|d| d.kind == kind))
}

/// A size for people, as a number and the message id of its unit: (`2.4`, `size-mb`),
/// (`10`, `size-mb`), (`830`, `size-kb`).
pub fn human_size(bytes: u64) -> (String, &'static str) {
    if bytes >= 1_000_000 {
        let megabytes = bytes as f64 / 1_000_000.0;
        let text = if bytes.is_multiple_of(1_000_000) {
            format!("{megabytes:.0}")
        } else {
            format!("{megabytes:.1}")
        };
        (text, "size-mb")
    } else {
        (bytes.div_ceil(1000).to_string(), "size-kb")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_count_them() {
        assert_eq!(human_size(MAX_DOCUMENT_BYTES), ("10".into(), "size-mb"));
    }

    #[test]
    fn a_chosen_file_is_refused_before_sending_only_for_what_the_browser_can_tell() {
        assert_eq!(chosen_file_fault("application/pdf", 1_000), None);
        assert_eq!(chosen_file_fault("image/jpeg", MAX_DOCUMENT_BYTES), None);
        assert_eq!(
            chosen_file_fault("image/png", MAX_DOCUMENT_BYTES + 1),
            Some(FileFault::TooLarge)
        );
        assert_eq!(
            chosen_file_fault("application/msword", MAX_DOCUMENT_BYTES + 1),
            Some(FileFault::WrongType)
        );
        // A name the browser cannot type (no extension): the server reads the content.
        assert_eq!(chosen_file_fault("", 1_000), None);
        assert_eq!(FileFault::WrongType.code(), "file-type");
        assert_eq!(human_size(2_400_000), ("2.4".into(), "size-mb"));
        assert_eq!(human_size(1), ("1".into(), "size-kb"));
    }
}
