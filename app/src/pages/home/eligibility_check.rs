//! "Which procedure is mine?": a GET form the server answers, so it works without JavaScript
//! and the answer has its own URL. The page has no script: the answer (or the error summary)
//! takes focus on load.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use crate::api::{check_eligibility, PortalError};
use crate::components::{
    CheckboxGroup, CheckboxItem, ErrorSummary, FormMessages, RadioGroup, RadioOption, TextField,
};
use crate::i18n::use_i18n;
use crate::model::{ClientStatus, EligibilityAnswers, EligibilityOutcome, FieldErrors, Procedure};

/// The hidden field that marks a submitted check (a first visit has none).
const SUBMITTED_MARK: &str = "check";

/// The form's field names: the markup and the address the form produces must agree.
mod name {
    pub const INTRUSION: &str = "intrusion";
    pub const PANIC_BUTTON: &str = "panic_button";
    pub const FIRE: &str = "fire";
    pub const CLIENT_STATUS: &str = "client_status";
    pub const POSTCODE: &str = "postcode";
}

fn answers_from_query(query: &ParamsMap) -> Option<EligibilityAnswers> {
    query.get(SUBMITTED_MARK)?;
    Some(EligibilityAnswers {
        intrusion: query.get(name::INTRUSION).is_some(),
        panic_button: query.get(name::PANIC_BUTTON).is_some(),
        fire: query.get(name::FIRE).is_some(),
        client_status: query
            .get(name::CLIENT_STATUS)
            .as_deref()
            .and_then(ClientStatus::from_form_value),
        postcode: query.get(name::POSTCODE).unwrap_or_default(),
    })
}

/// The answers in the address (a submitted check), and the page's flag for its title.
#[derive(Clone)]
pub struct CheckState {
    answers: EligibilityAnswers,
    /// Listened to by the page title only.
    has_errors: RwSignal<bool>,
}

impl CheckState {
    /// Starts from the answers in the address, so a reload keeps them. `has_errors` is the
    /// page's flag, set when the server's answer has messages.
    pub fn from_address(has_errors: RwSignal<bool>) -> CheckState {
        let answers = use_query_map()
            .with_untracked(answers_from_query)
            .unwrap_or_default();
        CheckState {
            answers,
            has_errors,
        }
    }
}

#[component]
pub fn EligibilityCheck(state: CheckState) -> impl IntoView {
    let state = StoredValue::new(state);
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
                    let (errors, outcome, failure) = match verdict.await {
                        None => (FieldErrors::default(), None, None),
                        Some(Ok(outcome)) => (FieldErrors::default(), Some(outcome), None),
                        Some(Err(PortalError::Invalid(errors))) => (errors, None, None),
                        Some(Err(other)) => (FieldErrors::default(), None, Some(other)),
                    };
                    // A page that shows the server's answer puts focus on it (`autofocus`); the
                    // form does the same for its errors.
                    let (answers, has_errors) = state.with_value(|s| (s.answers.clone(), s.has_errors));
                    has_errors.set(!errors.is_empty());
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
    let messages = FormMessages::new(server_errors);
    let message_for = move |field: &'static str| messages.message_for(i18n, field);
    view! {
        <ErrorSummary errors=messages.summary()/>
        <form class="form" method="get" action="/" novalidate>
            <input type="hidden" name=SUBMITTED_MARK value="1"/>
            <CheckboxGroup
                id="alarm_kinds"
                legend=i18n.t("check-kinds-legend")
                hint=i18n.t("check-kinds-hint")
                items=vec![
                    CheckboxItem { name: name::INTRUSION, label: i18n.t("alarm-kind-intrusion"), hint: Some(i18n.t("alarm-kind-intrusion-hint")), checked: answers.intrusion },
                    CheckboxItem { name: name::PANIC_BUTTON, label: i18n.t("alarm-kind-panic"), hint: Some(i18n.t("alarm-kind-panic-hint")), checked: answers.panic_button },
                    CheckboxItem { name: name::FIRE, label: i18n.t("alarm-kind-fire"), hint: None, checked: answers.fire },
                ]
                error=message_for("alarm_kinds")
            />
            <RadioGroup
                id=name::CLIENT_STATUS
                legend=i18n.t("check-client-legend")
                options=vec![
                    RadioOption { value: ClientStatus::Existing.form_value(), label: i18n.t("check-client-existing"), hint: None },
                    RadioOption { value: ClientStatus::New.form_value(), label: i18n.t("check-client-new"), hint: None },
                ]
                selected=answers.client_status.map(|status| status.form_value().to_owned())
                error=message_for(name::CLIENT_STATUS)
            />
            <TextField
                id=name::POSTCODE
                label=i18n.t("check-postcode-label")
                hint=i18n.t("check-postcode-hint")
                value=answers.postcode.clone()
                autocomplete="postal-code"
                width="input--width-10"
                error=message_for(name::POSTCODE)
            />
            <button class="button" type="submit">{i18n.t("check-submit")}</button>
        </form>
    }
}

#[component]
fn EligibilityResult(outcome: EligibilityOutcome) -> impl IntoView {
    let i18n = use_i18n();
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
        <div id="check-result" class="result" tabindex="-1" autofocus=true>
            <h3 class="result__title">{i18n.t(title)}</h3>
            <p>{i18n.t(body)}</p>
            <p class="result__site">{i18n.t_with("result-site", &site)}</p>
            {outcome.fire_goes_to_cgdis.then(|| view! { <p class="notice" role="note">{i18n.t("result-fire")}</p> })}
        </div>
    }
}
