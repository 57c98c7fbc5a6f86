//! Form fields with one accessible markup each: label (or legend), hint and error message tied to
//! the input by `aria-describedby`, as in GOV.UK's components.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, FocusEvent};

/// The `aria-describedby` value for a field with an optional hint and an optional error.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let ids: Vec<String> = [(has_hint, "hint"), (has_error, "error")]
        .into_iter()
        .filter(|(present, _)| *present)
        .map(|(_, suffix)| format!("{id}-{suffix}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// Whether focus leaves a field for a submit button. The submit checks every field anyway, and a
/// message inserted now would push the button down under the pointer between press and
/// release, and the click would be lost.
fn moves_to_submit(ev: &FocusEvent) -> bool {
    ev.related_target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .is_some_and(|element| element.get_attribute("type").as_deref() == Some("submit"))
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
fn ErrorMessage(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    let error_prefix = crate::i18n::use_i18n().t("error-prefix");
    move || {
        message.get().map(|text| {
            view! {
                <p id=id.clone() class="error-message">
                    <span class="visually-hidden">{error_prefix.clone()} " "</span>
                    {text}
                </p>
            }
        })
    }
}

// Every input below carries its answer twice: as an attribute, for the server's HTML (and
// browsers without JavaScript), and as a property bound to its signal. The binding matters when
// the router reuses the DOM of one wizard step for the next: without it the new step's inputs
// would keep the previous step's typed text and ticks, which the new answers never see.

/// A one-line text input.
#[component]
pub fn TextField(
    /// The input's `id` and `name`; error summaries link to it.
    id: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// `text` unless given: `email` and `tel` bring the right on-screen keyboard.
    #[prop(optional)]
    input_type: Option<&'static str>,
    /// A width class such as `input--width-10`: the box's size hints at the expected answer.
    #[prop(optional)]
    width: Option<&'static str>,
    /// Runs when the person leaves the field, or types while it shows an error.
    #[prop(into)]
    on_check: Callback<()>,
) -> impl IntoView {
    // An empty hint is no hint: generic renderers pass "" for "none".
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let has_error = move || error.with(Option::is_some);
    let input_class = move || {
        let mut class = String::from("input");
        if let Some(width) = width.filter(|w| !w.is_empty()) {
            class.push(' ');
            class.push_str(width);
        }
        if has_error() {
            class.push_str(" input--error");
        }
        class
    };
    view! {
        <div class=move || field_class(has_error()) data-field=id>
            <label class="label" for=id>{label}</label>
            {hint.map(|text| view! { <div id=format!("{id}-hint") class="hint">{text}</div> })}
            <ErrorMessage id=format!("{id}-error") message=error/>
            <input
                class=input_class
                id=id
                name=id
                type=input_type.unwrap_or("text")
                spellcheck="false"
                autocomplete=autocomplete
                value=value.get_untracked()
                prop:value=move || value.get()
                aria-describedby=move || described_by(id, has_hint, has_error())
                aria-invalid=move || has_error().then_some("true")
                on:input:target=move |ev| {
                    value.set(ev.target().value());
                    if has_error() {
                        on_check.run(());
                    }
                }
                on:blur=move |ev| {
                    if !moves_to_submit(&ev) {
                        on_check.run(());
                    }
                }
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
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_check: Callback<()>,
) -> impl IntoView {
    // An empty hint is no hint: generic renderers pass "" for "none".
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class=move || field_class(has_error()) data-field=id>
            <label class="label" for=id>{label}</label>
            {hint.map(|text| view! { <div id=format!("{id}-hint") class="hint">{text}</div> })}
            <ErrorMessage id=format!("{id}-error") message=error/>
            <textarea
                class=move || if has_error() { "textarea input--error" } else { "textarea" }
                id=id
                name=id
                rows="8"
                prop:value=move || value.get()
                aria-describedby=move || described_by(id, has_hint, has_error())
                aria-invalid=move || has_error().then_some("true")
                on:input:target=move |ev| {
                    value.set(ev.target().value());
                    if has_error() {
                        on_check.run(());
                    }
                }
                on:blur=move |ev| {
                    if !moves_to_submit(&ev) {
                        on_check.run(());
                    }
                }
            >
                {value.get_untracked()}
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
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_check: Callback<()>,
) -> impl IntoView {
    // An empty hint is no hint: generic renderers pass "" for "none".
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let has_error = move || error.with(Option::is_some);
    let initial = value.get_untracked();
    let options = options
        .into_iter()
        .map(|option| {
            let selected = option.value == initial;
            view! { <option value=option.value selected=selected>{option.label}</option> }
        })
        .collect_view();
    view! {
        <div class=move || field_class(has_error()) data-field=id>
            <label class="label" for=id>{label}</label>
            {hint.map(|text| view! { <div id=format!("{id}-hint") class="hint">{text}</div> })}
            <ErrorMessage id=format!("{id}-error") message=error/>
            <select
                class=move || if has_error() { "select input--error" } else { "select" }
                id=id
                name=id
                prop:value=move || value.get()
                aria-describedby=move || described_by(id, has_hint, has_error())
                aria-invalid=move || has_error().then_some("true")
                on:change:target=move |ev| {
                    value.set(ev.target().value());
                    on_check.run(());
                }
            >
                <option value="" selected=initial.is_empty()>{placeholder}</option>
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
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    // An empty hint is no hint: generic renderers pass "" for "none".
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class=move || field_class(has_error()) data-field=id>
            <fieldset class="fieldset" aria-describedby=move || described_by(id, has_hint, has_error())>
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
    pub checked: RwSignal<bool>,
}

/// Several checkboxes answering one question: a fieldset whose legend is the question.
#[component]
pub fn CheckboxGroup(
    /// The group's id; the first checkbox carries it so an error link lands on the group.
    id: &'static str,
    legend: String,
    #[prop(optional)] hint: Option<String>,
    items: Vec<CheckboxItem>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_check: Callback<()>,
) -> impl IntoView {
    let boxes = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let input_id = if index == 0 { id } else { item.name };
            let checked = item.checked;
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
                        checked=checked.get_untracked()
                        prop:checked=move || checked.get()
                        aria-describedby=has_item_hint.then(|| item_hint_id.clone())
                        on:change:target=move |ev| {
                            checked.set(ev.target().checked());
                            on_check.run(());
                        }
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
    selected: RwSignal<Option<&'static str>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_check: Callback<()>,
) -> impl IntoView {
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let input_id = if index == 0 { id.to_owned() } else { format!("{id}-{}", option.value) };
            let item_hint_id = format!("{input_id}-item-hint");
            let has_item_hint = option.hint.is_some();
            let value = option.value;
            view! {
                <div class="choice">
                    <input
                        class="choice__input"
                        id=input_id.clone()
                        name=id
                        type="radio"
                        value=value
                        checked=selected.get_untracked() == Some(value)
                        prop:checked=move || selected.get() == Some(value)
                        aria-describedby=has_item_hint.then(|| item_hint_id.clone())
                        on:change=move |_| {
                            selected.set(Some(value));
                            on_check.run(());
                        }
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
