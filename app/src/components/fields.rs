//! Form fields with one accessible markup each: label (or legend), hint and error message tied to
//! the input by `aria-describedby`, as in GOV.UK's components. Rendered on the server, with what
//! was typed and the server's messages when a form comes back.

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

/// One checkbox of a [`CheckboxGroup`].
pub struct CheckboxItem {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub checked: bool,
}

/// Several checkboxes answering one question: a fieldset whose legend is the question.
#[component]
pub fn CheckboxGroup(
    /// The group's id; the first checkbox carries it so an error link lands on the group.
    id: &'static str,
    legend: String,
    #[prop(optional)] hint: Option<String>,
    items: Vec<CheckboxItem>,
    error: Option<String>,
) -> impl IntoView {
    let boxes = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let input_id = if index == 0 { id } else { item.name };
            let item_hint_id = format!("{}-item-hint", item.name);
            let has_item_hint = item.hint.is_some();
            view! {
                <div class="choice">
                    <input
                        class="choice__input"
                        id=input_id
                        name=item.name
                        type="checkbox"
                        value="on"
                        checked=item.checked
                        aria-describedby=has_item_hint.then(|| item_hint_id.clone())
                    />
                    <label class="choice__label" for=input_id>{item.label}</label>
                    {item.hint.map(|text| view! { <div id=item_hint_id class="hint choice__hint">{text}</div> })}
                </div>
            }
        })
        .collect_view();
    view! { <ChoiceFieldset id legend hint error>{boxes}</ChoiceFieldset> }
}

/// One option of a [`RadioGroup`].
pub struct RadioOption {
    pub value: &'static str,
    pub label: String,
    pub hint: Option<String>,
}

/// One answer out of several: a fieldset whose legend is the question.
#[component]
pub fn RadioGroup(
    /// The `name` of the radios; the first radio carries it as its id for error links.
    id: &'static str,
    legend: String,
    #[prop(optional)] hint: Option<String>,
    options: Vec<RadioOption>,
    /// The option chosen, by its value.
    selected: Option<String>,
    error: Option<String>,
) -> impl IntoView {
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let input_id = if index == 0 { id.to_owned() } else { format!("{id}-{}", option.value) };
            let item_hint_id = format!("{input_id}-item-hint");
            let has_item_hint = option.hint.is_some();
            view! {
                <div class="choice">
                    <input
                        class="choice__input"
                        id=input_id.clone()
                        name=id
                        type="radio"
                        value=option.value
                        checked=selected.as_deref() == Some(option.value)
                        aria-describedby=has_item_hint.then(|| item_hint_id.clone())
                    />
                    <label class="choice__label" for=input_id>{option.label}</label>
                    {option.hint.map(|text| view! { <div id=item_hint_id class="hint choice__hint">{text}</div> })}
                </div>
            }
        })
        .collect_view();
    view! { <ChoiceFieldset id legend hint error>{radios}</ChoiceFieldset> }
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
