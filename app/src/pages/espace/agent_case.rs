//! `/agent/demandes/{request}`: a certification request as the Police sees it, with the
//! decision, the letter that carries the code, and whether the code was redeemed.
//! The actions are plain forms posting to the server's routes.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::status::RefusalPanel;
use crate::api::load_certification_case;
use crate::components::{ErrorSummary, FormMessages, TextArea};
use crate::i18n::use_i18n;
use crate::model::certification::{CertificationCase, CertificationState};
use crate::model::{FieldErrors, RequestStatus, StepValues, Submitted, WizardStep};
use crate::pages::request::AllAnswers;

/// The Police's page of one certification request.
pub fn agent_case_path(request_id: &str) -> String {
    format!("/agent/demandes/{request_id}")
}

#[component]
pub fn AgentCasePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let submitted = Submitted::<StepValues>::from_server();
    let case = Resource::new(
        move || params.with(|p| p.get("request").unwrap_or_default()),
        move |id| {
            let submitted = submitted.clone();
            async move {
                load_certification_case(id)
                    .await
                    .map(|case| (case, submitted))
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match case.await {
                    Ok((case, submitted)) => view! { <CaseView case submitted/> }.into_any(),
                    Err(error) => view! { <RefusalPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CaseView(case: CertificationCase, submitted: Option<Submitted<StepValues>>) -> impl IntoView {
    let i18n = use_i18n();
    let request = case.request.clone();
    let reference = request.reference.clone().unwrap_or_default();
    let path = agent_case_path(&request.id);
    let (typed, errors) = submitted
        .map(|s| (s.form, s.errors))
        .unwrap_or_else(|| (StepValues::new(), FieldErrors::default()));
    let focus_summary = !errors.is_empty();
    let messages = FormMessages::new(
        errors,
        RwSignal::new(false),
        &["decision", "reason", "letter"],
    );
    let client_number = request
        .answer(WizardStep::Client, "client_number")
        .unwrap_or_default()
        .to_owned();
    let rows = [
        (
            i18n.t("business-company-name"),
            request.company.company_name.clone(),
        ),
        (
            i18n.t("business-rcs"),
            request.company.rcs_number.to_string(),
        ),
        (i18n.t("q-client-number"), client_number.clone()),
        (i18n.t("q-representative"), request.representative.clone()),
        (
            i18n.t("request-submitted-on"),
            request
                .submitted_at
                .clone()
                .unwrap_or_default()
                .replace('T', " ")
                .replace('Z', " UTC"),
        ),
    ]
    .into_iter()
    .map(|(term, value)| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{term}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    })
    .collect_view();
    let actions = match request.status {
        RequestStatus::Submitted => {
            let reason = RwSignal::new(typed.get("reason").cloned().unwrap_or_default());
            view! {
                <h2 class="heading-m">{i18n.t("agent-decide-title")}</h2>
                <form class="form" method="post" action=format!("{path}/decision")>
                    <input type="hidden" name="decision" value="approve"/>
                    <p>{i18n.t("agent-approve-body")}</p>
                    <button class="button" type="submit" id="decision">{i18n.t("agent-approve")}</button>
                </form>
                <form class="form" method="post" action=format!("{path}/decision")>
                    <input type="hidden" name="decision" value="refuse"/>
                    <TextArea id="reason" label=i18n.t("agent-refusal-reason")
                        hint=i18n.t("agent-refusal-reason-hint") value=reason
                        error=messages.message_for(i18n, "reason") on_check=move |_| {}/>
                    <button class="button button--warning" type="submit">{i18n.t("agent-refuse")}</button>
                </form>
            }
            .into_any()
        }
        RequestStatus::Approved => view! { <LetterActions case=case.clone() path/> }.into_any(),
        RequestStatus::Refused => {
            let reason = request
                .decision
                .as_ref()
                .and_then(|d| d.refusal_reason.clone())
                .unwrap_or_default();
            view! {
                <div class="notice notice--error" data-testid="refusal-reason">
                    <strong>{i18n.t("request-refusal-reason")}</strong> " " {reason}
                </div>
            }
            .into_any()
        }
        RequestStatus::Draft => ().into_any(),
    };
    view! {
        <Title text=format!("{reference} – {}", i18n.t("agent-title"))/>
        <p><a href="/agent">{i18n.t("agent-back")}</a></p>
        <span class="caption">{i18n.t("certification-title")}</span>
        <h1 class="page-title">{format!("{reference} · {}", request.company.company_name)}</h1>
        <p>
            {i18n.t("status-label")} " "
            <strong class="tag" data-testid="status">{i18n.t(&request.status.message_id())}</strong>
        </p>
        <ErrorSummary errors=messages.summary() node_ref=NodeRef::new() autofocus=focus_summary/>
        <dl class="summary-list">{rows}</dl>
        {actions}
        <h2 class="heading-m">{i18n.t("agent-answers")}</h2>
        <AllAnswers request editable=false/>
    }
}

/// After approval: the letter with the code (issued on download), posting, redemption.
#[component]
fn LetterActions(case: CertificationCase, path: String) -> impl IntoView {
    let i18n = use_i18n();
    let date = |stamp: &str| stamp.get(..10).unwrap_or_default().to_owned();
    if let Some(CertificationState::Certified {
        certified_at,
        client_number,
    }) = case.certified
    {
        return view! {
            <div class="panel panel--confirmation" data-testid="case-certified">
                <h2 class="panel__title">{i18n.t("certified-title")}</h2>
                <div class="panel__body">
                    {client_number} " · " {i18n.t("certified-on")} " " {date(&certified_at)}
                </div>
            </div>
        }
        .into_any();
    }
    let letter = case.letter.clone();
    let state = match &letter {
        None => i18n.t("agent-letter-none"),
        Some(letter) => {
            let mut args = crate::i18n::FluentArgs::new();
            args.set("issued", date(&letter.issued_at));
            args.set("expires", date(&letter.expires_at));
            args.set(
                "language",
                i18n.t(&format!("language-name-{}", letter.language)),
            );
            let issued = i18n.t_with("agent-letter-issued", &args);
            match &letter.posted_at {
                Some(posted) => {
                    args.set("posted", date(posted));
                    format!("{issued} {}", i18n.t_with("agent-letter-posted", &args))
                }
                None => format!("{issued} {}", i18n.t("agent-letter-not-posted")),
            }
        }
    };
    let can_post = letter.as_ref().is_some_and(|l| l.posted_at.is_none());
    let mut attempts = crate::i18n::FluentArgs::new();
    attempts.set("n", case.wrong_attempts);
    attempts.set("replaced", case.replaced_letters);
    view! {
        <h2 class="heading-m">{i18n.t("agent-letter-title")}</h2>
        <p data-testid="letter-state">{state}</p>
        <p class="hint">{i18n.t_with("agent-letter-attempts", &attempts)}</p>
        <form class="form" method="post" action=format!("{path}/lettre") id="letter">
            <p>{i18n.t(if letter.is_some() { "agent-letter-reissue-warning" } else { "agent-letter-body" })}</p>
            <button class="button" type="submit">
                {i18n.t(if letter.is_some() { "agent-letter-reissue" } else { "agent-letter-download" })}
            </button>
        </form>
        {can_post.then(|| view! {
            <form class="form" method="post" action=format!("{path}/envoi")>
                <button class="button button--secondary" type="submit">{i18n.t("agent-letter-mark-posted")}</button>
            </form>
        })}
    }
    .into_any()
}
