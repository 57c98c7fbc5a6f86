//! `/agent`: the Police's list of registered business eSpaces. Refused to applicants.

use leptos::prelude::*;
use leptos_meta::Title;

use super::status::RefusalPanel;
use crate::api::registered_businesses;
use crate::i18n::use_i18n;
use crate::model::RegisteredBusiness;

#[component]
pub fn AgentPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| registered_businesses());
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <RegisteredList list/> }.into_any(),
                    Err(error) => view! { <RefusalPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RegisteredList(list: Vec<RegisteredBusiness>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if list.is_empty() {
        view! { <p>{i18n.t("agent-none")}</p> }.into_any()
    } else {
        let rows = list
            .into_iter()
            .map(|b| {
                view! {
                    <tr>
                        <td>{b.company_name}</td>
                        <td>{b.rcs_number}</td>
                        <td>{b.locality}</td>
                        <td>{b.members}</td>
                        <td>{b.created_at.get(..10).unwrap_or_default().to_owned()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table">
                <caption class="visually-hidden">{i18n.t("agent-businesses")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("business-company-name")}</th>
                        <th scope="col">{i18n.t("business-rcs")}</th>
                        <th scope="col">{i18n.t("business-locality")}</th>
                        <th scope="col">{i18n.t("business-members")}</th>
                        <th scope="col">{i18n.t("agent-created")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <Title text=i18n.t("agent-title")/>
        <h1 class="page-title">{i18n.t("agent-title")}</h1>
        <h2>{i18n.t("agent-businesses")}</h2>
        {body}
    }
}
