//! Step 6, the supporting documents (procedure; R2005 Art. 9): the building plan and the
//! certificate of conformity are required, others optional.

use serde::{Deserialize, Serialize};

/// One file's limit, and a whole request's: checked while the upload streams in.
pub const MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;
pub const MAX_REQUEST_BYTES: u64 = 30 * 1024 * 1024;
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

/// A size for people: `2.4 MB`, `830 kB`.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
}
