//! One answer out of several.

use leptos::prelude::*;

use super::ChoiceFieldset;

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
