//! A drop-down list.

use leptos::prelude::*;

use super::{described_by, field_class, ErrorMessage};

/// One option of a [`SelectField`].
pub struct SelectOption {
    pub value: &'static str,
    pub label: String,
}

/// A drop-down list, for a choice among many (GOV.UK uses radios for a few).
#[component]
pub fn SelectField(
    id: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    /// The first, empty option: "Choose…".
    placeholder: String,
    options: Vec<SelectOption>,
    #[prop(into)] value: String,
    error: Option<String>,
) -> impl IntoView {
    // An empty hint is no hint: generic renderers pass "" for "none".
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let has_error = error.is_some();
    let options = options
        .into_iter()
        .map(|option| {
            let selected = option.value == value;
            view! { <option value=option.value selected=selected>{option.label}</option> }
        })
        .collect_view();
    view! {
        <div class=field_class(has_error) data-field=id>
            <label class="label" for=id>{label}</label>
            {hint.map(|text| view! { <div id=format!("{id}-hint") class="hint">{text}</div> })}
            <ErrorMessage id=format!("{id}-error") message=error/>
            <select
                class=if has_error { "select input--error" } else { "select" }
                id=id
                name=id
                aria-describedby=described_by(id, has_hint, has_error)
                aria-invalid=has_error.then_some("true")
            >
                <option value="" selected=value.is_empty()>{placeholder}</option>
                {options}
            </select>
        </div>
    }
}
