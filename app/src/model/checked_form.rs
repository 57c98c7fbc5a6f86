//! Which rules check a form: the one fact a page gives its form-check island, so that the
//! browser runs the very rules the server runs when the form arrives (the mission's shared
//! validation), and shows the same message before any request is made.

use super::certification::TokenInput;
use super::connection::{
    chosen_file_fault, DocumentKind, FileFault, DOCUMENT_FILE_FIELD, DOCUMENT_KIND_FIELD,
};
use super::step_form::from_values;
use super::{BusinessEspaceForm, FieldErrors, Procedure, StepValues, WizardStep, BUSINESS_FIELDS};

/// The certification code form's one input (`/espace/entreprises/:id/certification`).
pub const CERTIFICATION_CODE_FIELD: &str = "code";

/// A form the browser checks before it is sent. It travels to the browser as its
/// [`code`](CheckedForm::code), an attribute of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckedForm {
    /// A wizard step made of questions (`WizardStep::is_form`).
    Step(WizardStep),
    /// The business eSpace's creation.
    NewBusiness,
    /// The one-time code of the certification letter.
    CertificationCode,
    /// The documents step's upload: a document's kind and its file (the document picker).
    Upload,
}

impl CheckedForm {
    /// The form's name in the page: a wizard step's slug, or the form's own name.
    pub fn code(self) -> &'static str {
        match self {
            CheckedForm::Step(step) => step.slug(),
            CheckedForm::NewBusiness => "new-business",
            CheckedForm::CertificationCode => "certification-code",
            CheckedForm::Upload => "upload",
        }
    }

    pub fn from_code(code: &str) -> Option<CheckedForm> {
        match code {
            "new-business" => Some(CheckedForm::NewBusiness),
            "certification-code" => Some(CheckedForm::CertificationCode),
            "upload" => Some(CheckedForm::Upload),
            slug => Procedure::ALL
                .into_iter()
                .find_map(|p| p.step(slug))
                .filter(|step| step.is_form())
                .map(CheckedForm::Step),
        }
    }

    /// Every failure of these answers, in page order; empty when the form may be sent.
    pub fn errors(self, values: &StepValues) -> FieldErrors {
        match self {
            CheckedForm::Step(step) => step.errors(values),
            CheckedForm::NewBusiness => from_values::<BusinessEspaceForm>(values).field_errors(),
            CheckedForm::CertificationCode => {
                let typed = values
                    .get(CERTIFICATION_CODE_FIELD)
                    .map_or("", String::as_str);
                match TokenInput::parse(typed) {
                    Ok(_) => FieldErrors::default(),
                    Err(error) => FieldErrors::single(CERTIFICATION_CODE_FIELD, error.code()),
                }
            }
            CheckedForm::Upload => {
                let kind = values.get(DOCUMENT_KIND_FIELD).map_or("", String::as_str);
                match DocumentKind::from_code(kind) {
                    Some(_) => FieldErrors::default(),
                    None => FieldErrors::single(DOCUMENT_KIND_FIELD, "kind-required"),
                }
            }
        }
    }

    /// What is wrong with the file chosen in a file input of this form, if anything: the
    /// upload needs one; elsewhere a file is optional, but the one chosen must be right.
    pub fn file_fault(self, chosen: Option<(&str, u64)>) -> Option<FileFault> {
        match chosen {
            Some((browser_type, size)) => chosen_file_fault(browser_type, size),
            None if self == CheckedForm::Upload => Some(FileFault::Missing),
            None => None,
        }
    }

    /// The inputs in page order (the error summary's order).
    pub fn order(self) -> &'static [&'static str] {
        match self {
            CheckedForm::Step(step) => step.order(),
            CheckedForm::NewBusiness => &BUSINESS_FIELDS,
            CheckedForm::CertificationCode => &[CERTIFICATION_CODE_FIELD],
            CheckedForm::Upload => &[DOCUMENT_KIND_FIELD, DOCUMENT_FILE_FIELD],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::step_form::values_of as values;

    #[test]
    fn every_checked_form_is_found_again_by_its_code() {
        let steps = Procedure::ALL
            .into_iter()
            .flat_map(|p| p.steps().iter().copied());
        for step in steps {
            let expected = step.is_form().then_some(CheckedForm::Step(step));
            assert_eq!(CheckedForm::from_code(step.slug()), expected, "{step:?}");
        }
        let others = [
            CheckedForm::NewBusiness,
            CheckedForm::CertificationCode,
            CheckedForm::Upload,
        ];
        for form in others {
            assert_eq!(CheckedForm::from_code(form.code()), Some(form));
        }
        assert_eq!(CheckedForm::from_code("nothing"), None);
    }

    #[test]
    fn the_upload_needs_a_known_kind_and_a_file_within_the_limits() {
        let upload = CheckedForm::Upload;
        assert!(upload
            .errors(&values(&[("kind", "building-plan")]))
            .is_empty());
        assert_eq!(
            upload
                .errors(&values(&[("kind", "x")]))
                .for_field("kind")
                .map(|e| e.code.as_str()),
            Some("kind-required")
        );
        assert_eq!(upload.file_fault(None), Some(FileFault::Missing));
        assert_eq!(upload.file_fault(Some(("application/pdf", 1_000))), None);
        assert_eq!(
            upload.file_fault(Some(("text/plain", 1_000))),
            Some(FileFault::WrongType)
        );
        // Elsewhere a file is optional, but a wrong one is still wrong.
        assert_eq!(CheckedForm::NewBusiness.file_fault(None), None);
    }

    #[test]
    fn each_form_answers_with_its_own_rules() {
        let code = CheckedForm::CertificationCode.errors(&values(&[("code", "ABC")]));
        assert_eq!(
            code.for_field("code").map(|e| e.code.as_str()),
            Some("token-length")
        );
        let business = CheckedForm::NewBusiness.errors(&values(&[("rcs_number", "X12345678")]));
        assert_eq!(
            business.for_field("rcs_number").map(|e| e.code.as_str()),
            Some("rcs-format")
        );
        assert_eq!(
            business.iter().next().map(|e| e.field.as_str()),
            Some("company_name")
        );
        let step = CheckedForm::Step(WizardStep::Applicant)
            .errors(&values(&[("representative_phone", "12")]));
        assert_eq!(
            step.for_field("representative_phone")
                .map(|e| e.code.as_str()),
            Some("representative-phone-format")
        );
    }
}
