use leptos::html::Div;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::model::FieldErrors;

/// The list of problems at the top of a form, each linking to its field (GOV.UK's pattern).
/// It takes focus when shown, so a screen reader announces it and the keyboard starts there.
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<FieldErrors>,
    node_ref: NodeRef<Div>,
    /// Set when the server rendered the errors: without JavaScript, `autofocus` is the only way
    /// to move focus to the summary.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div
                class="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
                autofocus=autofocus
                node_ref=node_ref
            >
                <h2 id="error-summary-title" class="error-summary__title">
                    {i18n.t("error-summary-title")}
                </h2>
                <ul class="error-summary__list">
                    {move || {
                        errors
                            .get()
                            .iter()
                            .map(|e| {
                                let field = e.field.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{}", e.field)
                                            on:click=move |_| focus_field(&field)
                                        >
                                            {i18n.field_message(e)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// Moves focus to a field, as the browser does for `#id` links without JavaScript: the
/// client-side router takes the click as a navigation (the address gets the `#id`, the page
/// scrolls) but leaves focus on the link.
fn focus_field(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = element.focus();
}
