//! Form fields with one accessible markup each: label (or legend), hint and error message tied to
//! the input by `aria-describedby`, as in GOV.UK's components. Rendered on the server, with what
//! was typed and the server's messages when a form comes back.

mod checkbox_group;
mod radio_group;
mod select_field;
mod text_area;
mod text_field;

pub use checkbox_group::{CheckboxGroup, CheckboxItem};
pub use radio_group::{RadioGroup, RadioOption};
pub use select_field::{SelectField, SelectOption};
pub use text_area::TextArea;
pub use text_field::TextField;

use leptos::prelude::*;

/// The `aria-describedby` value for a field with an optional hint and an optional error.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let ids: Vec<String> = [(has_hint, "hint"), (has_error, "error")]
        .into_iter()
        .filter(|(present, _)| *present)
        .map(|(_, suffix)| format!("{id}-{suffix}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn field_class(has_error: bool) -> &'static str {
    if has_error {
        "field field--error"
    } else {
        "field"
    }
}

/// The visible message under a label; "Error:" is read out before it for screen readers.
#[component]
fn ErrorMessage(id: String, message: Option<String>) -> impl IntoView {
    let error_prefix = crate::i18n::use_i18n().t("error-prefix");
    message.map(|text| {
        view! {
            <p id=id class="error-message">
                <span class="visually-hidden">{error_prefix} " "</span>
                {text}
            </p>
        }
    })
}

// Each field's wrapper names its field (`data-field`): the form-check island writes that
// field's message into it, as the server renders it here (islands/form_dom.rs).

/// The frame of a group of choices: a fieldset whose legend is the question, with the group's
/// hint and error message described for screen readers.
#[component]
fn ChoiceFieldset(
    id: &'static str,
    legend: String,
    hint: Option<String>,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    // An empty hint is no hint: generic renderers pass "" for "none".
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let has_error = error.is_some();
    view! {
        <div class=field_class(has_error) data-field=id>
            <fieldset class="fieldset" aria-describedby=described_by(id, has_hint, has_error)>
                <legend class="fieldset__legend">{legend}</legend>
                {hint.map(|text| view! { <div id=format!("{id}-hint") class="hint">{text}</div> })}
                <ErrorMessage id=format!("{id}-error") message=error/>
                <div class="choices">{children()}</div>
            </fieldset>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::described_by;

    #[test]
    fn describes_by_hint_then_error_and_by_nothing_when_neither() {
        assert_eq!(
            described_by("postcode", true, true).as_deref(),
            Some("postcode-hint postcode-error")
        );
        assert_eq!(
            described_by("postcode", false, true).as_deref(),
            Some("postcode-error")
        );
        assert_eq!(described_by("postcode", false, false), None);
    }
}
