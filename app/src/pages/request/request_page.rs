//! `/espace/entreprises/{id}/demandes/{request}`: a draft's page (continue or delete it) or a
//! submitted request's confirmation: its reference, the receipt, and what happens next.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::answer_form::AnswerForm;
use super::exchange::Exchange;
use super::review::AllAnswers;
use super::{delete_path, receipt_path, step_path};
use crate::api::load_request;
use crate::i18n::use_i18n;
use crate::model::{BusinessId, RequestId};
use crate::model::{Procedure, ProcedureRequest, RequestStatus, StepValues, Submitted};
use crate::pages::business_path;
use crate::pages::espace::{load_with_sent_back, Loaded};

#[component]
pub fn RequestPage() -> impl IntoView {
    let params = use_params_map();
    // An answer sent back without JavaScript (a file refused, nothing written).
    let page = load_with_sent_back(
        move || {
            params.with(|p| {
                (
                    BusinessId::new(p.get("id").unwrap_or_default()),
                    RequestId::new(p.get("request").unwrap_or_default()),
                )
            })
        },
        |(business, request)| load_request(business, request),
    );
    view! {
        <Loaded resource=page ready=move |loaded| match loaded {
            (request, submitted) if request.reference.is_some() => {
                    view! { <Confirmation request submitted/> }.into_any()
                }
                (request, _) => view! { <Draft request/> }.into_any(),
        }/>
    }
}

#[component]
fn Confirmation(
    request: ProcedureRequest,
    submitted: Option<Submitted<StepValues>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reference = request.reference.clone().unwrap_or_default();
    let submitted_at = request.submitted_at.clone().unwrap_or_default();
    let date = i18n.date(&submitted_at);
    let (next_title, next) = match (request.status, request.procedure) {
        (RequestStatus::Approved, Procedure::Certification) => {
            ("request-approved-title", "certification-approved-next")
        }
        (RequestStatus::Approved, Procedure::Connection) => {
            ("request-approved-title", "connection-approved-next")
        }
        (RequestStatus::Waiting, _) => ("request-waiting-title", "request-waiting-next"),
        (RequestStatus::InReview, _) => ("request-in-review-title", "request-in-review-next"),
        (RequestStatus::Refused, _) => ("request-refused-title", "request-refused-next"),
        (_, Procedure::Certification) => ("request-next-title", "certification-next"),
        (_, Procedure::Connection) => ("request-next-title", "request-next"),
    };
    let reason = request
        .decision
        .as_ref()
        .and_then(|d| d.refusal_reason.clone());
    let decided_on = request.decision.as_ref().map(|d| i18n.date(&d.decided_at));
    // Issued by the Police for a connection (B); a certification's (A) is the one the applicant
    // typed, shown with the certification on the eSpace's page.
    let client_number = request
        .decision
        .as_ref()
        .and_then(|d| d.client_number.clone())
        .filter(|_| request.procedure == Procedure::Connection);
    let question = request.open_question().cloned();
    // An answer sent back with its messages: the title says so first, as every form's does.
    let title = if submitted.as_ref().is_some_and(|s| !s.errors.is_empty()) {
        format!(
            "{} {}",
            i18n.t("error-title-prefix"),
            i18n.t("request-submitted-title")
        )
    } else {
        i18n.t("request-submitted-title")
    };
    let messages = request.messages.clone();
    view! {
        <Title text=title/>
        <span class="caption">{i18n.t(request.procedure.title_id())}</span>
        <div class="panel panel--confirmation">
            <h1 class="panel__title">{i18n.t("request-submitted-title")}</h1>
            <div class="panel__body">
                {i18n.t("request-reference")} <br/>
                <strong data-testid="reference">{reference}</strong>
            </div>
        </div>
        <p>{i18n.t("request-submitted-on")} " " <time datetime=submitted_at>{date}</time></p>
        <p>
            {i18n.t("status-label")} " "
            <strong class="tag" data-testid="status">{i18n.t(&request.status.message_id())}</strong>
            {decided_on.map(|d| view! { " (" {d} ")" })}
        </p>
        <p>
            <a class="button button--secondary" href=receipt_path(&request.business_id, &request.id)
                rel="external" download="">
                {i18n.t("request-receipt")}
            </a>
        </p>
        <h2 class="heading-m">{i18n.t(next_title)}</h2>
        {reason.map(|reason| view! {
            <div class="notice notice--error" data-testid="refusal-reason">
                <strong>{i18n.t("request-refusal-reason")}</strong> " " {reason}
            </div>
        })}
        {client_number.map(|number| view! {
            <div class="panel panel--confirmation" data-testid="issued-client-number">
                <h3 class="panel__title">{i18n.t("client-number-issued")}</h3>
                <div class="panel__body"><strong data-testid="client-number">{number}</strong></div>
            </div>
        })}
        <p class="next-steps">{i18n.t(next)}</p>
        {question.map(|question| view! {
            <AnswerForm request=request.clone() question submitted/>
        })}
        <Exchange messages/>
        <p><a href=business_path(&request.business_id)>{i18n.t("request-back-to-espace")}</a></p>
        <AllAnswers request editable=false/>
    }
}

#[component]
fn Draft(request: ProcedureRequest) -> impl IntoView {
    let i18n = use_i18n();
    let resume = step_path(
        &request.business_id,
        &request.id,
        request.first_incomplete(),
    );
    view! {
        <Title text=i18n.t("request-draft-title")/>
        <span class="caption">{i18n.t(request.procedure.title_id())}</span>
        <h1 class="page-title">{i18n.t("request-draft-title")}</h1>
        <p>{i18n.t("request-draft-saved")} " " {request.updated_at.get(..10).unwrap_or_default().to_owned()}</p>
        <p><a class="button" href=resume>{i18n.t("wizard-resume")}</a></p>
        <details class="details">
            <summary class="details__summary">{i18n.t("request-delete")}</summary>
            <div class="details__text">
                <p>{i18n.t("request-delete-warning")}</p>
                <form method="post" action=delete_path(&request.business_id, &request.id)>
                    <button class="button button--warning" type="submit">{i18n.t("request-delete-confirm")}</button>
                </form>
            </div>
        </details>
        <AllAnswers request editable=false/>
    }
}
