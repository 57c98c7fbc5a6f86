//! `/agent`: the Police's page: certification requests to decide and follow, and the
//! registered business eSpaces. Refused to applicants.

use leptos::prelude::*;
use leptos_meta::Title;

use super::agent_case_path;
use super::status::RefusalPanel;
use crate::api::{list_certification_cases, registered_businesses};
use crate::i18n::use_i18n;
use crate::model::certification::CaseLine;
use crate::model::RegisteredBusiness;

#[component]
pub fn AgentPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(
        || (),
        |_| async {
            let cases = list_certification_cases().await?;
            let businesses = registered_businesses().await?;
            Ok::<_, crate::api::PortalError>((cases, businesses))
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok((cases, list)) => view! {
                        <Title text=i18n.t("agent-title")/>
                        <h1 class="page-title">{i18n.t("agent-title")}</h1>
                        <CasesList cases/>
                        <RegisteredList list/>
                    }
                    .into_any(),
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
        <h2>{i18n.t("agent-businesses")}</h2>
        {body}
    }
}

#[component]
fn CasesList(cases: Vec<CaseLine>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if cases.is_empty() {
        view! { <p>{i18n.t("agent-no-cases")}</p> }.into_any()
    } else {
        let rows = cases
            .into_iter()
            .map(|c| {
                view! {
                    <tr>
                        <td><a href=agent_case_path(&c.request_id)>{c.reference}</a></td>
                        <td>{c.company_name}</td>
                        <td>{c.client_number}</td>
                        <td>{i18n.t(&c.status.message_id())}</td>
                        <td>{c.submitted_at.get(..10).unwrap_or_default().to_owned()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table" data-testid="certification-cases">
                <caption class="visually-hidden">{i18n.t("agent-cases")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("requests-reference")}</th>
                        <th scope="col">{i18n.t("business-company-name")}</th>
                        <th scope="col">{i18n.t("q-client-number")}</th>
                        <th scope="col">{i18n.t("requests-status")}</th>
                        <th scope="col">{i18n.t("request-submitted-on")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <h2>{i18n.t("agent-cases")}</h2>
        {body}
    }
}
