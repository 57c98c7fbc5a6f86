//! The receipt of a submitted request, as a PDF: reference, date, the answers, and each
//! document with its SHA-256, so the applicant can later prove what was sent.

use app::i18n::{FluentArgs, I18n, Locale};
use app::model::{ProcedureRequest, WizardStep};
use app::pages::request::answer_rows;

use crate::pdf::{write_pdf, Line};

/// The receipt of `request`, which must carry its reference and submission time.
pub fn render(request: &ProcedureRequest, locale: Locale) -> Vec<u8> {
    let i18n = I18n { locale };
    let reference = request.reference.clone().unwrap_or_default();
    let submitted_at = request.submitted_at.clone().unwrap_or_default();
    let mut lines = vec![
        Line::Title(i18n.t("receipt-title")),
        Line::Text(i18n.t(request.procedure.title_id())),
        Line::Text(i18n.t("receipt-authority")),
        Line::Gap,
        Line::Bold(format!("{} {reference}", i18n.t("receipt-reference"))),
        Line::Text(format!(
            "{} {}",
            i18n.t("receipt-submitted-at"),
            submitted_at.replace('T', " ").replace('Z', " UTC")
        )),
        Line::Text(format!(
            "{} {} ({})",
            i18n.t("receipt-company"),
            request.company.company_name,
            request.company.rcs_number
        )),
        Line::Text(format!(
            "{} {}",
            i18n.t("receipt-representative"),
            request.representative
        )),
    ];
    for step in request.steps().iter().copied() {
        match step {
            WizardStep::Review => {}
            WizardStep::Documents => {
                lines.push(Line::Heading(i18n.t("receipt-documents")));
                for document in &request.documents {
                    lines.push(Line::Bold(format!(
                        "{}: {} ({})",
                        i18n.t(&document.kind.message_id()),
                        document.file_name,
                        i18n.size(document.size_bytes)
                    )));
                    lines.push(Line::Text(format!("SHA-256 {}", document.sha256)));
                }
            }
            form => {
                lines.push(Line::Heading(i18n.t(&form.title_id())));
                for row in answer_rows(i18n, request, form) {
                    lines.push(Line::Bold(row.label));
                    lines.push(Line::Text(row.value));
                }
            }
        }
    }
    lines.push(Line::Gap);
    let mut args = FluentArgs::new();
    args.set("reference", reference.clone());
    lines.push(Line::Text(i18n.t_with("receipt-footer", &args)));
    write_pdf(&lines, &format!("{} {reference}", i18n.t("receipt-title")))
}
