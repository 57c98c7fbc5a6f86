//! "Which procedure is mine?": a GET form, so it works without JavaScript and the answer has
//! its own URL. With JavaScript the same rules run in the browser first (as the person leaves
//! each field and on submit), then the page navigates without a reload.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::web_sys::{SubmitEvent, UrlSearchParams};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::api::{check_eligibility, PortalError};
use crate::components::{
    CheckboxGroup, CheckboxItem, ErrorSummary, RadioGroup, RadioOption, TextField,
};
use crate::i18n::use_i18n;
use crate::model::{
    ClientStatus, EligibilityAnswers, EligibilityOutcome, FieldErrors, Procedure,
    ELIGIBILITY_FIELDS,
};

/// The hidden field that marks a submitted check (a first visit has none).
const SUBMITTED_MARK: &str = "check";

fn answers_from_query(query: &ParamsMap) -> Option<EligibilityAnswers> {
    query.get(SUBMITTED_MARK)?;
    Some(EligibilityAnswers {
        intrusion: query.get("intrusion").is_some(),
        panic_button: query.get("panic_button").is_some(),
        fire: query.get("fire").is_some(),
        client_status: query
            .get("client_status")
            .as_deref()
            .and_then(ClientStatus::from_form_value),
        postcode: query.get("postcode").unwrap_or_default(),
    })
}

#[component]
pub fn EligibilityCheck() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let submitted = Memo::new(move |_| query.with(answers_from_query));
    let verdict = Resource::new(
        move || submitted.get(),
        |answers| async move {
            match answers {
                Some(answers) => Some(check_eligibility(answers).await),
                None => None,
            }
        },
    );
    view! {
        <section id="check" class="check" aria-labelledby="check-title">
            <h2 id="check-title">{i18n.t("check-title")}</h2>
            <p>{i18n.t("check-intro")}</p>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let answers = submitted.get_untracked().unwrap_or_default();
                    let (errors, outcome, failure) = match verdict.await {
                        None => (FieldErrors::default(), None, None),
                        Some(Ok(outcome)) => (FieldErrors::default(), Some(outcome), None),
                        Some(Err(PortalError::Invalid(errors))) => (errors, None, None),
                        Some(Err(other)) => (FieldErrors::default(), None, Some(other)),
                    };
                    view! {
                        {failure.map(|e| view! { <div class="notice notice--error" role="alert">{i18n.t(e.message_id())}</div> })}
                        <EligibilityForm answers server_errors=errors/>
                        {outcome.map(|outcome| view! { <EligibilityResult outcome/> })}
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn EligibilityForm(answers: EligibilityAnswers, server_errors: FieldErrors) -> impl IntoView {
    let i18n = use_i18n();
    let intrusion = RwSignal::new(answers.intrusion);
    let panic_button = RwSignal::new(answers.panic_button);
    let fire = RwSignal::new(answers.fire);
    let client_status = RwSignal::new(answers.client_status.map(ClientStatus::form_value));
    let postcode = RwSignal::new(answers.postcode);
    let current = move || EligibilityAnswers {
        intrusion: intrusion.get_untracked(),
        panic_button: panic_button.get_untracked(),
        fire: fire.get_untracked(),
        client_status: client_status
            .get_untracked()
            .and_then(ClientStatus::from_form_value),
        postcode: postcode.get_untracked(),
    };

    let server_rendered_errors = !server_errors.is_empty();
    let shown = RwSignal::new(server_errors);
    let check_field = move |field: &'static str| {
        let fresh = current().field_errors();
        shown.update(|errors| *errors = errors.with_field_from(&fresh, field, &ELIGIBILITY_FIELDS));
    };
    let message_for = move |field: &'static str| {
        Signal::derive(move || shown.with(|e| e.for_field(field).map(|e| i18n.t(&e.message_id()))))
    };

    let summary = NodeRef::<Div>::new();
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let errors = current().field_errors();
        if !errors.is_empty() {
            shown.set(errors);
            request_animation_frame(move || {
                if let Some(summary) = summary.get_untracked() {
                    let _ = summary.focus();
                }
            });
            return;
        }
        let query = leptos::form::form_data_from_event(&ev)
            .ok()
            .and_then(|data| UrlSearchParams::new_with_str_sequence_sequence(&data).ok())
            .map(|params| String::from(params.to_string()))
            .unwrap_or_default();
        navigate(
            &format!("/?{query}#check-result"),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };

    let title = move || {
        let base = i18n.t("home-page-title");
        if shown.with(FieldErrors::is_empty) {
            base
        } else {
            format!("{} {base}", i18n.t("error-title-prefix"))
        }
    };

    view! {
        <leptos_meta::Title text=title/>
        <ErrorSummary errors=shown node_ref=summary autofocus=server_rendered_errors/>
        <form class="form" method="get" action="/#check" novalidate on:submit=on_submit>
            <input type="hidden" name=SUBMITTED_MARK value="1"/>
            <CheckboxGroup
                id="alarm_kinds"
                legend=i18n.t("check-kinds-legend")
                hint=i18n.t("check-kinds-hint")
                items=vec![
                    CheckboxItem { name: "intrusion", label: i18n.t("alarm-kind-intrusion"), hint: Some(i18n.t("alarm-kind-intrusion-hint")), checked: intrusion },
                    CheckboxItem { name: "panic_button", label: i18n.t("alarm-kind-panic"), hint: Some(i18n.t("alarm-kind-panic-hint")), checked: panic_button },
                    CheckboxItem { name: "fire", label: i18n.t("alarm-kind-fire"), hint: None, checked: fire },
                ]
                error=message_for("alarm_kinds")
                on_check=move |()| check_field("alarm_kinds")
            />
            <RadioGroup
                id="client_status"
                legend=i18n.t("check-client-legend")
                options=vec![
                    RadioOption { value: ClientStatus::Existing.form_value(), label: i18n.t("check-client-existing"), hint: None },
                    RadioOption { value: ClientStatus::New.form_value(), label: i18n.t("check-client-new"), hint: None },
                ]
                selected=client_status
                error=message_for("client_status")
                on_check=move |()| check_field("client_status")
            />
            <TextField
                id="postcode"
                label=i18n.t("check-postcode-label")
                hint=i18n.t("check-postcode-hint")
                value=postcode
                autocomplete="postal-code"
                width="input--width-10"
                error=message_for("postcode")
                on_check=move |()| check_field("postcode")
            />
            <button class="button" type="submit">{i18n.t("check-submit")}</button>
        </form>
    }
}

#[component]
fn EligibilityResult(outcome: EligibilityOutcome) -> impl IntoView {
    let i18n = use_i18n();
    let panel = NodeRef::<Div>::new();
    // After a client-side check the answer appears below the form: move focus there so that
    // keyboard and screen-reader users are taken to it, as a page load would.
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let _ = panel.focus();
        }
    });
    let (title, body) = match outcome.procedure {
        Some(Procedure::Certification) => {
            ("result-certification-title", "result-certification-body")
        }
        Some(Procedure::Connection) => ("result-connection-title", "result-connection-body"),
        None => ("result-none-title", "result-none-body"),
    };
    let mut site = crate::i18n::FluentArgs::new();
    site.set("postcode", outcome.postcode.to_string());
    view! {
        <div id="check-result" class="result" tabindex="-1" node_ref=panel>
            <h3 class="result__title">{i18n.t(title)}</h3>
            <p>{i18n.t(body)}</p>
            <p class="result__site">{i18n.t_with("result-site", &site)}</p>
            {outcome.fire_goes_to_cgdis.then(|| view! { <p class="notice" role="note">{i18n.t("result-fire")}</p> })}
        </div>
    }
}
