//! What a file really is, from its first bytes: the name and the browser's declared type are
//! whatever the uploader says, so neither is trusted.

use app::model::connection::DocumentType;

/// Enough bytes for the signatures of the accepted types.
pub const SNIFF_BYTES: usize = 16;

/// The accepted type these first bytes start, or `None` (an executable named `.pdf`, a ZIP...).
pub fn sniff(head: &[u8]) -> Option<DocumentType> {
    match infer::get(head)?.mime_type() {
        "application/pdf" => Some(DocumentType::Pdf),
        "image/png" => Some(DocumentType::Png),
        "image/jpeg" => Some(DocumentType::Jpeg),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_three_types_by_content_only() {
        assert_eq!(
            sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
            Some(DocumentType::Pdf)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(DocumentType::Png)
        );
        assert_eq!(
            sniff(b"\xff\xd8\xff\xe0\0\x10JFIF\0"),
            Some(DocumentType::Jpeg)
        );
    }

    #[test]
    fn refuses_executables_archives_text_and_empty_files() {
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0"), None);
        assert_eq!(sniff(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"), None);
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0\x08\0"), None);
        assert_eq!(sniff(b"<html><script>alert(1)</script>"), None);
        assert_eq!(sniff(b""), None);
    }
}
