//! What the form check reads from the page's form (browser only): its answers as the browser
//! would post them, the files chosen, every failure by the form's rules, which messages the
//! server already rendered, and which field an input belongs to.

use leptos::prelude::document;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{
    Element, HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

use crate::model::{CheckedForm, FieldErrors, StepValues};

/// The messages the server rendered into the form (a form sent back), by field.
pub(super) fn server_errors(form: &HtmlFormElement, rules: CheckedForm) -> FieldErrors {
    let all = errors(form, rules);
    FieldErrors::from_iter(
        all.iter()
            .filter(|e| {
                document()
                    .get_element_by_id(&format!("{}-error", e.field))
                    .is_some()
            })
            .cloned(),
    )
}

/// The field (its `id`, the error summary's anchor) an input belongs to.
pub(super) fn field_of(element: &Element) -> Option<String> {
    element
        .closest("[data-field]")
        .ok()
        .flatten()
        .and_then(|wrapper| wrapper.get_attribute("data-field"))
}

/// Inputs typed into (checked as they are left), as against ticked or chosen ones (checked as
/// they change).
pub(super) fn is_typed(element: &Element) -> bool {
    match element.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "file" | "hidden" | "submit")
        ),
        _ => false,
    }
}

/// Every failure of the form as it stands: its answers by its rules, and the files chosen in
/// its file inputs (the document picker: type and size, before a byte is sent).
pub(super) fn errors(form: &HtmlFormElement, rules: CheckedForm) -> FieldErrors {
    let mut errors = rules.errors(&values(form));
    let Ok(inputs) = form.query_selector_all("input[type=file][name]") else {
        return errors;
    };
    for index in 0..inputs.length() {
        let Some(input) = inputs
            .item(index)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        let chosen = input
            .files()
            .and_then(|files| files.get(0))
            .map(|file| (file.type_(), file.size() as u64));
        let fault = rules.file_fault(chosen.as_ref().map(|(kind, size)| (kind.as_str(), *size)));
        if let Some(fault) = fault {
            errors.add(&input.name(), fault.code(), None);
        }
    }
    errors.sort_by_order(rules.order());
    errors
}

/// The form's answers as the browser would post them (files aside).
pub(super) fn values(form: &HtmlFormElement) -> StepValues {
    let mut values = StepValues::new();
    let Ok(inputs) = form.query_selector_all("input[name], select[name], textarea[name]") else {
        return values;
    };
    for index in 0..inputs.length() {
        let Some(node) = inputs.item(index) else {
            continue;
        };
        if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
            match input.type_().as_str() {
                "checkbox" | "radio" => {
                    if input.checked() {
                        values.insert(input.name(), input.value());
                    }
                }
                "file" | "submit" | "button" => {}
                _ => {
                    values.insert(input.name(), input.value());
                }
            }
        } else if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
            values.insert(select.name(), select.value());
        } else if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
            values.insert(area.name(), area.value());
        }
    }
    values
}
