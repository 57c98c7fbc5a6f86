//! The business eSpace's requests: drafts to continue, submitted ones to follow, and the
//! buttons that start a new one.

use leptos::prelude::*;

use super::{new_request_path, request_path, step_path, PROCEDURE_FIELD};
use crate::api::business_requests;
use crate::i18n::use_i18n;
use crate::model::BusinessId;
use crate::model::{Procedure, RequestStatus, RequestSummary};

/// The button that starts a new draft of `procedure`: a plain form; the server answers with the
/// draft's first step.
#[component]
pub fn StartRequest(business_id: BusinessId, procedure: Procedure) -> impl IntoView {
    let i18n = use_i18n();
    let label = match procedure {
        Procedure::Certification => "requests-start-certification",
        Procedure::Connection => "requests-start",
    };
    view! {
        <form method="post" action=new_request_path(&business_id)>
            <input type="hidden" name=PROCEDURE_FIELD value=procedure.code()/>
            <button class="button" type="submit">
                {i18n.t(label)}
            </button>
        </form>
    }
}

/// The business eSpace's requests of both procedures.
#[component]
pub fn RequestsList(business_id: BusinessId) -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(
        {
            let business_id = business_id.clone();
            move || business_id.clone()
        },
        business_requests,
    );
    view! {
        <section class="section" aria-labelledby="requests-title">
            <h2 id="requests-title" class="heading-m">{i18n.t("requests-title")}</h2>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || {
                    let business_id = business_id.clone();
                    Suspend::new(async move {
                        match list.await {
                            Ok(requests) if requests.is_empty() => {
                                view! { <p>{i18n.t("requests-none")}</p> }.into_any()
                            }
                            Ok(requests) => view! { <RequestsTable business_id requests/> }.into_any(),
                            Err(error) => view! {
                                <div class="notice notice--error">{i18n.t(error.message_id())}</div>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn RequestsTable(business_id: BusinessId, requests: Vec<RequestSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = requests
        .into_iter()
        .map(|r| {
            let status = i18n.t(&r.status.message_id());
            let (action, href) = match r.status {
                RequestStatus::Draft => (
                    i18n.t("wizard-resume"),
                    step_path(&business_id, &r.id, r.resume_at),
                ),
                _ => (i18n.t("request-view"), request_path(&business_id, &r.id)),
            };
            let name = r
                .reference
                .clone()
                .unwrap_or_else(|| i18n.t("status-draft"));
            view! {
                <tr>
                    <td>{name.clone()}</td>
                    <td>{i18n.t(r.procedure.title_id())}</td>
                    <td>{r.label.clone().unwrap_or_default()}</td>
                    <td>{status}</td>
                    <td>{r.updated_at.get(..10).unwrap_or_default().to_owned()}</td>
                    <td>
                        <a href=href>{action}<span class="visually-hidden">" " {name}</span></a>
                        {(r.status == RequestStatus::Draft).then(|| view! {
                            " · "
                            <a href=request_path(&business_id, &r.id)>{i18n.t("request-manage")}</a>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table" data-testid="requests">
            <thead>
                <tr>
                    <th scope="col">{i18n.t("requests-reference")}</th>
                    <th scope="col">{i18n.t("requests-procedure")}</th>
                    <th scope="col">{i18n.t("requests-about")}</th>
                    <th scope="col">{i18n.t("requests-status")}</th>
                    <th scope="col">{i18n.t("requests-updated")}</th>
                    <th scope="col"><span class="visually-hidden">{i18n.t("documents-actions")}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
