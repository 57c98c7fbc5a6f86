//! The agents' record of the weighted cost-of-living index (R2005 Art. 13): each value with the
//! day it came into force, who entered it, and the form for the next one. A false alert's fee
//! uses the value in force on the alert's day.

use leptos::prelude::*;

use crate::components::{ErrorSummary, FormMessages, TextField};
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::after_connection::{PriceIndices, INDEX_FROM_FIELD, INDEX_VALUE_FIELD};
use crate::model::StepValues;
use crate::paths::AGENT_PRICE_INDEX;

#[component]
pub fn PriceIndexSection(
    indices: PriceIndices,
    typed: StepValues,
    messages: FormMessages,
) -> impl IntoView {
    let i18n = use_i18n();
    let value_of = |index: crate::model::after_connection::PriceIndex| {
        i18n.decimal(&index.value().normalize().to_string())
    };
    let rows = indices
        .entries
        .iter()
        .map(|entry| {
            view! {
                <tr data-testid="index-entry">
                    <td>{i18n.date(&entry.valid_from.iso())}</td>
                    <td class="table__numeric">{value_of(entry.value)}</td>
                    <td>{entry.entered_by.clone()} ", " {i18n.date_time(&entry.entered_at)}</td>
                </tr>
            }
        })
        .collect_view();
    let mut args = FluentArgs::new();
    args.set("index", value_of(indices.configured));
    let typed_value = |field: &str| typed.get(field).cloned().unwrap_or_default();
    view! {
        <section class="section" id="indice" aria-labelledby="index-title">
            <h2 id="index-title" class="heading-m">{i18n.t("index-title")}</h2>
            <p>{i18n.t("index-body")}</p>
            <p data-testid="index-configured">{i18n.t_with("index-configured", &args)}</p>
            {(!indices.entries.is_empty()).then(|| view! {
                <table class="table">
                    <caption class="visually-hidden">{i18n.t("index-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("index-from")}</th>
                            <th scope="col" class="table__numeric">{i18n.t("index-value")}</th>
                            <th scope="col">{i18n.t("index-entered-by")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
            <ErrorSummary errors=messages.summary()/>
            <form class="form" method="post" action=AGENT_PRICE_INDEX novalidate>
                <TextField id=INDEX_FROM_FIELD label=i18n.t("index-from") hint=i18n.t("index-from-hint")
                    input_type="date" width="input--width-10" value=typed_value(INDEX_FROM_FIELD)
                    error=messages.message_for(i18n, INDEX_FROM_FIELD)/>
                <TextField id=INDEX_VALUE_FIELD label=i18n.t("index-value") hint=i18n.t("index-value-hint")
                    width="input--width-10" value=typed_value(INDEX_VALUE_FIELD)
                    error=messages.message_for(i18n, INDEX_VALUE_FIELD)/>
                <button class="button" type="submit">{i18n.t("index-enter")}</button>
            </form>
        </section>
    }
}
