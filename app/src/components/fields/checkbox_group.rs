//! Several checkboxes answering one question.

use leptos::prelude::*;

use super::ChoiceFieldset;

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
