//! A one-line text input.

use leptos::prelude::*;

use super::{described_by, field_class, ErrorMessage};

/// A one-line text input.
#[component]
pub fn TextField(
    /// The input's `id` and `name`; error summaries link to it.
    id: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(into)] value: String,
    error: Option<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// `text` unless given: `email` and `tel` bring the right on-screen keyboard.
    #[prop(optional)]
    input_type: Option<&'static str>,
    /// A width class such as `input--width-10`: the box's size hints at the expected answer.
    #[prop(optional)]
    width: Option<&'static str>,
) -> impl IntoView {
    // An empty hint is no hint: generic renderers pass "" for "none".
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let has_error = error.is_some();
    let mut class = String::from("input");
    if let Some(width) = width.filter(|w| !w.is_empty()) {
        class.push(' ');
        class.push_str(width);
    }
    if has_error {
        class.push_str(" input--error");
    }
    view! {
        <div class=field_class(has_error) data-field=id>
            <label class="label" for=id>{label}</label>
            {hint.map(|text| view! { <div id=format!("{id}-hint") class="hint">{text}</div> })}
            <ErrorMessage id=format!("{id}-error") message=error/>
            <input
                class=class
                id=id
                name=id
                type=input_type.unwrap_or("text")
                spellcheck="false"
                autocomplete=autocomplete
                value=value
                aria-describedby=described_by(id, has_hint, has_error)
                aria-invalid=has_error.then_some("true")
            />
        </div>
    }
}
