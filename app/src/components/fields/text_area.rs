//! A multi-line answer.

use leptos::prelude::*;

use super::{described_by, field_class, ErrorMessage};

/// A multi-line answer, for explanations.
#[component]
pub fn TextArea(
    id: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(into)] value: String,
    error: Option<String>,
) -> impl IntoView {
    // An empty hint is no hint: generic renderers pass "" for "none".
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let has_error = error.is_some();
    view! {
        <div class=field_class(has_error) data-field=id>
            <label class="label" for=id>{label}</label>
            {hint.map(|text| view! { <div id=format!("{id}-hint") class="hint">{text}</div> })}
            <ErrorMessage id=format!("{id}-error") message=error/>
            <textarea
                class=if has_error { "textarea input--error" } else { "textarea" }
                id=id
                name=id
                rows="8"
                aria-describedby=described_by(id, has_hint, has_error)
                aria-invalid=has_error.then_some("true")
            >
                {value}
            </textarea>
        </div>
    }
}
