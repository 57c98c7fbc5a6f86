use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::model::FieldErrors;

/// The list of problems at the top of a form the server sent back, each linking to its field
/// (GOV.UK's pattern). `autofocus` gives it focus on load, so a screen reader announces it and
/// the keyboard starts there; a link's `#field` takes the browser to the field. Nothing when
/// there is no problem.
#[component]
pub fn ErrorSummary(errors: FieldErrors) -> impl IntoView {
    let i18n = use_i18n();
    (!errors.is_empty()).then(|| {
        let items = errors
            .iter()
            .map(|e| {
                view! {
                    <li>
                        <a href=format!("#{}", e.field)>{i18n.field_message(e)}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div
                class="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
                autofocus=true
            >
                <h2 id="error-summary-title" class="error-summary__title">
                    {i18n.t("error-summary-title")}
                </h2>
                <ul class="error-summary__list">{items}</ul>
            </div>
        }
    })
}
