//! The check-your-answers list: each step's answers under its title, with a "Change" link that
//! opens the step and comes back here (GOV.UK's summary list).

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[derive(Clone, Debug)]
pub struct ReviewRow {
    pub label: String,
    pub value: String,
}

#[component]
pub fn ReviewSection(
    title: String,
    rows: Vec<ReviewRow>,
    /// Where "Change" goes; `None` once nothing can change.
    change_href: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let change_label = i18n.t("wizard-change");
    let hidden_title = title.clone();
    view! {
        <section class="review">
            <div class="review__header">
                <h2 class="review__title">{title}</h2>
                {change_href.map(|href| view! {
                    <a class="review__change" href=href>
                        {change_label}
                        <span class="visually-hidden">" " {hidden_title}</span>
                    </a>
                })}
            </div>
            <dl class="summary-list">
                {rows
                    .into_iter()
                    .map(|row| view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{row.label}</dt>
                            <dd class="summary-list__value">{row.value}</dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
