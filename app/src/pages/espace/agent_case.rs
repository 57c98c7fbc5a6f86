//! `/agent/demandes/{request}`: a case as the Police sees it: its status and who handles it,
//! the actions its status allows, the exchange with the applicant, the documents, the answers
//! and the audit trail. The actions are plain forms posting to the server's routes.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::status::{load_with_sent_back, Loaded};
use crate::api::load_case;
use crate::components::{ErrorSummary, FormMessages, TextArea};
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::case::{AgentCase, AuditLine};
use crate::model::certification::{CertificationCase, CertificationState};
use crate::model::RequestId;
use crate::model::{
    FieldErrors, Procedure, ProcedureRequest, RequestStatus, StepValues, Submitted,
};
use crate::pages::request::{AllAnswers, Exchange};
use crate::paths;

/// A document of a case, for an agent: `view` shows it in the browser.
fn agent_document_link(request_id: &RequestId, document_id: &str, view: bool) -> String {
    let path = paths::agent_document_path(request_id, document_id);
    if view {
        format!("{path}?voir=1")
    } else {
        path
    }
}

#[component]
pub fn AgentCasePage() -> impl IntoView {
    let params = use_params_map();
    let case = load_with_sent_back(
        move || params.with(|p| RequestId::new(p.get("request").unwrap_or_default())),
        load_case,
    );
    view! {
        <Loaded resource=case ready=move |(case, submitted)| view! { <CaseView case submitted/> }.into_any()/>
    }
}

#[component]
fn CaseView(case: AgentCase, submitted: Option<Submitted<StepValues>>) -> impl IntoView {
    let i18n = use_i18n();
    let request = case.request.clone();
    let reference = request.reference.clone().unwrap_or_default();
    let (typed, errors) = submitted
        .map(|s| (s.form, s.errors))
        .unwrap_or_else(|| (StepValues::new(), FieldErrors::default()));
    let focus_summary = !errors.is_empty();
    let messages = FormMessages::new(errors);
    let client_number = match request.procedure {
        Procedure::Certification => request.client_number().map(|number| number.to_string()),
        Procedure::Connection => request
            .decision
            .as_ref()
            .and_then(|d| d.client_number.clone()),
    };
    let rows = [
        Some((
            i18n.t("business-company-name"),
            request.company.company_name.clone(),
        )),
        Some((
            i18n.t("business-rcs"),
            request.company.rcs_number.to_string(),
        )),
        client_number.map(|n| (i18n.t("q-client-number"), n)),
        Some((i18n.t("q-representative"), request.representative.clone())),
        Some((
            i18n.t("request-submitted-on"),
            i18n.date_time(&request.submitted_at.clone().unwrap_or_default()),
        )),
        Some((
            i18n.t("queue-assigned"),
            case.assigned_to
                .clone()
                .unwrap_or_else(|| i18n.t("queue-unassigned")),
        )),
    ]
    .into_iter()
    .flatten()
    .map(|(term, value)| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{term}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    })
    .collect_view();
    view! {
        // Something is filled in here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        <Title text=if focus_summary {
            format!("{} {reference} – {}", i18n.t("error-title-prefix"), i18n.t("agent-title"))
        } else {
            format!("{reference} – {}", i18n.t("agent-title"))
        }/>
        <p><a href=paths::AGENT>{i18n.t("agent-back")}</a></p>
        <span class="caption">{i18n.t(request.procedure.title_id())}</span>
        <h1 class="page-title">{format!("{reference} · {}", request.company.company_name)}</h1>
        // The target of "not possible at this status": the status itself, always on the page.
        <p id="case" tabindex="-1">
            {i18n.t("status-label")} " "
            <strong class="tag" data-testid="status">{i18n.t(&request.status.message_id())}</strong>
        </p>
        <ErrorSummary errors=messages.summary()/>
        <dl class="summary-list">{rows}</dl>
        <Actions case=case.clone() typed messages/>
        <Exchange messages=request.messages.clone() for_agent=true/>
        <Documents request=request.clone()/>
        <h2 class="heading-m">{i18n.t("agent-answers")}</h2>
        <AllAnswers request editable=false/>
        <History lines=case.history.clone() request=case.request.clone()/>
    }
}

/// What the case's status allows, each a form of its own.
#[component]
fn Actions(case: AgentCase, typed: StepValues, messages: FormMessages) -> impl IntoView {
    let i18n = use_i18n();
    let request = &case.request;
    let case_action = |action| paths::agent_case_action_path(action, &request.id);
    let take_action = case_action(paths::AGENT_CASE_TAKE);
    let take = move |label: &'static str| {
        view! {
            <form class="form" method="post" action=take_action.clone()>
                <button class="button" type="submit">{i18n.t(label)}</button>
            </form>
        }
    };
    match request.status {
        RequestStatus::Submitted => view! {
            <h2 class="heading-m">{i18n.t("case-actions")}</h2>
            <p>{i18n.t("case-take-body")}</p>
            {take("case-take")}
        }
        .into_any(),
        RequestStatus::InReview | RequestStatus::Waiting => {
            let waiting = request.status == RequestStatus::Waiting;
            let question = typed.get("question").cloned().unwrap_or_default();
            let reason = typed.get("reason").cloned().unwrap_or_default();
            let approve_body = match request.procedure {
                Procedure::Certification => "agent-approve-body",
                Procedure::Connection => "case-approve-connection-body",
            };
            view! {
                <h2 class="heading-m">{i18n.t("case-actions")}</h2>
                {waiting.then(|| view! {
                    <p class="notice" data-testid="case-waiting">{i18n.t("case-waiting")}</p>
                })}
                {(!case.assigned_to_me).then(|| take("case-take-over"))}
                {(!waiting).then(|| view! {
                    <form class="form" method="post" action=case_action(paths::AGENT_CASE_QUESTION)>
                        <h3 class="heading-s">{i18n.t("case-ask-title")}</h3>
                        <TextArea id="question" label=i18n.t("case-ask-label")
                            hint=i18n.t("case-ask-hint") value=question
                            error=messages.message_for(i18n, "question")/>
                        <button class="button button--secondary" type="submit">{i18n.t("case-ask")}</button>
                    </form>
                })}
                <form class="form" method="post" action=case_action(paths::AGENT_CASE_DECISION)>
                    <h3 class="heading-s">{i18n.t("agent-decide-title")}</h3>
                    <input type="hidden" name="decision" value="approve"/>
                    <p>{i18n.t(approve_body)}</p>
                    <button class="button" type="submit" id="decision">{i18n.t("agent-approve")}</button>
                </form>
                <form class="form" method="post" action=case_action(paths::AGENT_CASE_DECISION)>
                    <input type="hidden" name="decision" value="refuse"/>
                    <TextArea id="reason" label=i18n.t("agent-refusal-reason")
                        hint=i18n.t("agent-refusal-reason-hint") value=reason
                        error=messages.message_for(i18n, "reason")/>
                    <button class="button button--warning" type="submit">{i18n.t("agent-refuse")}</button>
                </form>
            }
            .into_any()
        }
        RequestStatus::Approved => match (request.procedure, case.certification.clone()) {
            (Procedure::Certification, Some(certification)) => {
                view! { <LetterActions certification request_id=request.id.clone()/> }.into_any()
            }
            _ => ().into_any(),
        },
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
    }
}

/// The case's documents, each to view in the browser or to download.
#[component]
fn Documents(request: ProcedureRequest) -> impl IntoView {
    let i18n = use_i18n();
    if request.documents.is_empty() {
        return ().into_any();
    }
    let rows = request
        .documents
        .iter()
        .map(|document| {
            let name = document.file_name.clone();
            view! {
                <tr>
                    <td>{i18n.t(&document.kind.message_id())}</td>
                    <td>{name.clone()}</td>
                    <td>{i18n.size(document.size_bytes)}</td>
                    <td>{i18n.date_time(&document.uploaded_at)}</td>
                    <td>
                        <a href=agent_document_link(&request.id, &document.id, true) rel="external">
                            {i18n.t("case-document-view")}
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </a>
                        " · "
                        <a href=agent_document_link(&request.id, &document.id, false) rel="external"
                            download=name.clone()>
                            {i18n.t("case-document-download")}
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-m">{i18n.t("case-documents")}</h2>
        <table class="table" data-testid="case-documents">
            <caption class="visually-hidden">{i18n.t("case-documents")}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("documents-kind")}</th>
                    <th scope="col">{i18n.t("documents-file")}</th>
                    <th scope="col">{i18n.t("documents-size")}</th>
                    <th scope="col">{i18n.t("case-document-added")}</th>
                    <th scope="col"><span class="visually-hidden">{i18n.t("documents-actions")}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The case's audit trail, oldest first, with its CSV export.
#[component]
fn History(lines: Vec<AuditLine>, request: ProcedureRequest) -> impl IntoView {
    let i18n = use_i18n();
    let request_id = request.id.clone();
    // Details are ids and codes: a status by its name, a document by its file's name.
    let readable = move |detail: String| {
        if let Some(status) = RequestStatus::from_code(&detail) {
            return i18n.t(&status.message_id());
        }
        request
            .documents
            .iter()
            .find(|d| d.id == detail)
            .map(|d| d.file_name.clone())
            .unwrap_or(detail)
    };
    let rows = lines
        .into_iter()
        .map(|line| {
            let who = match (line.actor, line.actor_is_agent) {
                (Some(name), true) => format!("{name} ({})", i18n.t("audit-role-agent")),
                (Some(name), false) => name,
                (None, _) => String::new(),
            };
            view! {
                <tr>
                    <td><time datetime=line.occurred_at.clone()>{i18n.date_time(&line.occurred_at)}</time></td>
                    <td>{who}</td>
                    <td>{i18n.t(&line.action.message_id())}</td>
                    <td>{line.detail.map(&readable).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-m" id="history">{i18n.t("case-history")}</h2>
        <table class="table" data-testid="history">
            <caption class="visually-hidden">{i18n.t("case-history")}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("audit-when")}</th>
                    <th scope="col">{i18n.t("audit-who")}</th>
                    <th scope="col">{i18n.t("audit-what")}</th>
                    <th scope="col">{i18n.t("audit-detail")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p>
            <a href=paths::agent_case_action_path(paths::AGENT_CASE_TRAIL, &request_id) rel="external" download="">
                {i18n.t("audit-export")}
            </a>
        </p>
    }
}

/// After approval of a certification: the letter with the code (issued on download), posting,
/// redemption.
#[component]
fn LetterActions(certification: CertificationCase, request_id: RequestId) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(CertificationState::Certified {
        certified_at,
        client_number,
    }) = certification.certified
    {
        return view! {
            <div class="panel panel--confirmation" data-testid="case-certified">
                <h2 class="panel__title">{i18n.t("certified-title")}</h2>
                <div class="panel__body">
                    {client_number} " · " {i18n.t("certified-on")} " " {i18n.date(&certified_at)}
                </div>
            </div>
        }
        .into_any();
    }
    let letter = certification.letter.clone();
    let state = match &letter {
        None => i18n.t("agent-letter-none"),
        Some(letter) => {
            let mut args = FluentArgs::new();
            args.set("issued", i18n.date(&letter.issued_at));
            args.set("expires", i18n.date(&letter.expires_at));
            args.set(
                "language",
                i18n.t(&format!("language-name-{}", letter.language)),
            );
            let issued = i18n.t_with("agent-letter-issued", &args);
            match &letter.posted_at {
                Some(posted) => {
                    args.set("posted", i18n.date(posted));
                    format!("{issued} {}", i18n.t_with("agent-letter-posted", &args))
                }
                None => format!("{issued} {}", i18n.t("agent-letter-not-posted")),
            }
        }
    };
    let can_post = letter.as_ref().is_some_and(|l| l.posted_at.is_none());
    let mut attempts = FluentArgs::new();
    attempts.set("n", certification.wrong_attempts);
    attempts.set("replaced", certification.replaced_letters);
    view! {
        <h2 class="heading-m">{i18n.t("agent-letter-title")}</h2>
        <p data-testid="letter-state">{state}</p>
        <p class="hint">{i18n.t_with("agent-letter-attempts", &attempts)}</p>
        <form class="form" method="post" action=paths::agent_case_action_path(paths::AGENT_CASE_LETTER, &request_id) id="letter">
            <p>{i18n.t(if letter.is_some() { "agent-letter-reissue-warning" } else { "agent-letter-body" })}</p>
            <button class="button" type="submit">
                {i18n.t(if letter.is_some() { "agent-letter-reissue" } else { "agent-letter-download" })}
            </button>
        </form>
        {can_post.then(|| view! {
            <form class="form" method="post" action=paths::agent_case_action_path(paths::AGENT_CASE_POSTED, &request_id)>
                <button class="button button--secondary" type="submit">{i18n.t("agent-letter-mark-posted")}</button>
            </form>
        })}
    }
    .into_any()
}
