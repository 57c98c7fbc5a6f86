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
    CheckboxGroup, CheckboxItem, ErrorSummary, FormMessages, RadioGroup, RadioOption, TextField,
};
use crate::i18n::use_i18n;
use crate::model::{
    ClientStatus, EligibilityAnswers, EligibilityOutcome, FieldErrors, Procedure,
    ELIGIBILITY_FIELDS,
};

/// The hidden field that marks a submitted check (a first visit has none).
const SUBMITTED_MARK: &str = "check";
/// The value a ticked checkbox posts.
const TICKED: &str = "on";

/// The form's field names: the markup, the address the plain form produces, and the address
/// built for client-side navigation must agree, or the two paths would read different answers.
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

/// The query string the plain form would have sent, for the client-side navigation.
fn query_from_answers(answers: &EligibilityAnswers) -> String {
    let Ok(params) = UrlSearchParams::new() else {
        return String::new();
    };
    params.append(SUBMITTED_MARK, "1");
    for (name, ticked) in [
        (name::INTRUSION, answers.intrusion),
        (name::PANIC_BUTTON, answers.panic_button),
        (name::FIRE, answers.fire),
    ] {
        if ticked {
            params.append(name, TICKED);
        }
    }
    if let Some(status) = answers.client_status {
        params.append(name::CLIENT_STATUS, status.form_value());
    }
    params.append(name::POSTCODE, &answers.postcode);
    params.to_string().into()
}

/// What the person is typing, and whether messages are shown. Owned by the page, so that it
/// outlives the re-render that follows each check, and the page title can read it.
///
/// The messages themselves live in each form render: a signal the old form still listens to
/// must not change while the Suspense swaps that form for the new one (its effects would run
/// on disposed values).
#[derive(Clone, Copy)]
pub struct CheckState {
    intrusion: RwSignal<bool>,
    panic_button: RwSignal<bool>,
    fire: RwSignal<bool>,
    client_status: RwSignal<Option<&'static str>>,
    postcode: RwSignal<String>,
    /// Listened to by the page title only.
    has_errors: RwSignal<bool>,
}

impl CheckState {
    /// Starts from the answers in the address, so a reload or a no-JavaScript submit keeps them.
    /// `has_errors` is the page's flag, set whenever the error summary shows or hides.
    pub fn from_address(has_errors: RwSignal<bool>) -> CheckState {
        let answers = use_query_map()
            .with_untracked(answers_from_query)
            .unwrap_or_default();
        CheckState {
            intrusion: RwSignal::new(answers.intrusion),
            panic_button: RwSignal::new(answers.panic_button),
            fire: RwSignal::new(answers.fire),
            client_status: RwSignal::new(answers.client_status.map(ClientStatus::form_value)),
            postcode: RwSignal::new(answers.postcode),
            has_errors,
        }
    }

    fn answers(&self) -> EligibilityAnswers {
        EligibilityAnswers {
            intrusion: self.intrusion.get_untracked(),
            panic_button: self.panic_button.get_untracked(),
            fire: self.fire.get_untracked(),
            client_status: self
                .client_status
                .get_untracked()
                .and_then(ClientStatus::from_form_value),
            postcode: self.postcode.get_untracked(),
        }
    }
}

#[component]
pub fn EligibilityCheck(state: CheckState) -> impl IntoView {
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
                    // A page load that shows the server's answer puts focus on it (`autofocus`:
                    // the only way without JavaScript); the form does the same for its errors.
                    let focus_result = outcome.is_some();
                    state.has_errors.set(!errors.is_empty());
                    view! {
                        {failure.map(|e| view! { <div class="notice notice--error" role="alert">{i18n.t(e.message_id())}</div> })}
                        <EligibilityForm state server_errors=errors/>
                        {outcome.map(|outcome| view! { <EligibilityResult outcome autofocus=focus_result/> })}
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn EligibilityForm(state: CheckState, server_errors: FieldErrors) -> impl IntoView {
    let i18n = use_i18n();
    let focus_summary = !server_errors.is_empty();
    let messages = FormMessages::new(server_errors, state.has_errors, &ELIGIBILITY_FIELDS);
    let check_field =
        move |field: &'static str| messages.check_field(&state.answers().field_errors(), field);
    let message_for = move |field: &'static str| messages.message_for(i18n, field);

    let summary = NodeRef::<Div>::new();
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let answers = state.answers();
        let errors = answers.field_errors();
        if !errors.is_empty() {
            messages.show_all(errors);
            request_animation_frame(move || {
                if let Some(summary) = summary.get_untracked() {
                    let _ = summary.focus();
                }
            });
            return;
        }
        navigate(
            &format!("/?{}", query_from_answers(&answers)),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };

    view! {
        <ErrorSummary errors=messages.summary() node_ref=summary autofocus=focus_summary/>
        <form class="form" method="get" action="/" novalidate on:submit=on_submit>
            <input type="hidden" name=SUBMITTED_MARK value="1"/>
            <CheckboxGroup
                id="alarm_kinds"
                legend=i18n.t("check-kinds-legend")
                hint=i18n.t("check-kinds-hint")
                items=vec![
                    CheckboxItem { name: name::INTRUSION, label: i18n.t("alarm-kind-intrusion"), hint: Some(i18n.t("alarm-kind-intrusion-hint")), checked: state.intrusion },
                    CheckboxItem { name: name::PANIC_BUTTON, label: i18n.t("alarm-kind-panic"), hint: Some(i18n.t("alarm-kind-panic-hint")), checked: state.panic_button },
                    CheckboxItem { name: name::FIRE, label: i18n.t("alarm-kind-fire"), hint: None, checked: state.fire },
                ]
                error=message_for("alarm_kinds")
                on_check=move |()| check_field("alarm_kinds")
            />
            <RadioGroup
                id=name::CLIENT_STATUS
                legend=i18n.t("check-client-legend")
                options=vec![
                    RadioOption { value: ClientStatus::Existing.form_value(), label: i18n.t("check-client-existing"), hint: None },
                    RadioOption { value: ClientStatus::New.form_value(), label: i18n.t("check-client-new"), hint: None },
                ]
                selected=state.client_status
                error=message_for(name::CLIENT_STATUS)
                on_check=move |()| check_field(name::CLIENT_STATUS)
            />
            <TextField
                id=name::POSTCODE
                label=i18n.t("check-postcode-label")
                hint=i18n.t("check-postcode-hint")
                value=state.postcode
                autocomplete="postal-code"
                width="input--width-10"
                error=message_for(name::POSTCODE)
                on_check=move |()| check_field(name::POSTCODE)
            />
            <button class="button" type="submit">{i18n.t("check-submit")}</button>
        </form>
    }
}

#[component]
fn EligibilityResult(outcome: EligibilityOutcome, autofocus: bool) -> impl IntoView {
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
        <div id="check-result" class="result" tabindex="-1" autofocus=autofocus node_ref=panel>
            <h3 class="result__title">{i18n.t(title)}</h3>
            <p>{i18n.t(body)}</p>
            <p class="result__site">{i18n.t_with("result-site", &site)}</p>
            {outcome.fire_goes_to_cgdis.then(|| view! { <p class="notice" role="note">{i18n.t("result-fire")}</p> })}
        </div>
    }
}
