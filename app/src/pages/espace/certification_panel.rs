//! A business eSpace's certification (procedure A): the badge once certified, or, once the
//! Police approved, the form where the code from the letter is typed. The form posts to the
//! server (with or without JavaScript); with JavaScript its shape is checked first.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;

use super::business_path;
use crate::components::{ErrorSummary, FormMessages, TextField};
use crate::i18n::{use_i18n, FluentArgs};
use crate::islands::FormChecked;
use crate::model::certification::{CertificationState, TokenInput};
use crate::model::{CheckedForm, FieldErrors, StepValues, Submitted, CERTIFICATION_CODE_FIELD};

/// The code input's name (the server's form field).
const CODE: &str = CERTIFICATION_CODE_FIELD;
/// The form's id, for its form-check island.
const CODE_FORM: &str = "code-form";

fn date(stamp: &str) -> String {
    stamp.get(..10).unwrap_or_default().to_owned()
}

#[component]
pub fn CertificationPanel(
    business_id: String,
    state: CertificationState,
    submitted: Option<Submitted<StepValues>>,
) -> impl IntoView {
    let i18n = use_i18n();
    match state {
        CertificationState::NotCertified => ().into_any(),
        CertificationState::Certified {
            certified_at,
            client_number,
        } => view! {
            <section id="certification" class="panel panel--confirmation" aria-labelledby="certified-title">
                <h2 id="certified-title" class="panel__title">{i18n.t("certified-title")}</h2>
                <div class="panel__body">
                    {i18n.t("q-client-number")} " " <strong data-testid="client-number">{client_number}</strong>
                    <br/>
                    {i18n.t("certified-on")} " " <time datetime=certified_at.clone()>{date(&certified_at)}</time>
                </div>
            </section>
        }
        .into_any(),
        CertificationState::AwaitingCode {
            posted_at,
            expires_at,
            locked_until,
        } => {
            let (typed, errors) = submitted
                .map(|s| (s.form.get(CODE).cloned().unwrap_or_default(), s.errors))
                .unwrap_or_default();
            let focus_summary = !errors.is_empty();
            let messages = FormMessages::new(errors, RwSignal::new(false), &[CODE]);
            let value = RwSignal::new(typed);
            let check = move || match TokenInput::parse(&value.get_untracked()) {
                Ok(_) => FieldErrors::default(),
                Err(error) => FieldErrors::single(CODE, error.code()),
            };
            let summary = NodeRef::<Div>::new();
            let on_submit = move |ev: SubmitEvent| {
                let fresh = check();
                if !fresh.is_empty() {
                    ev.prevent_default();
                    messages.show_all(fresh);
                    if let Some(summary) = summary.get_untracked() {
                        let _ = summary.focus();
                    }
                }
            };
            let mut args = FluentArgs::new();
            args.set("posted", posted_at.as_deref().map(date).unwrap_or_default());
            args.set("expires", expires_at.as_deref().map(date).unwrap_or_default());
            let letter = if posted_at.is_some() {
                i18n.t_with("certification-letter-posted", &args)
            } else {
                i18n.t("certification-letter-coming")
            };
            let locked = locked_until.map(|until| {
                let mut args = FluentArgs::new();
                args.set("until", until.get(11..16).unwrap_or_default().to_owned());
                view! { <div class="notice notice--error" role="status">{i18n.t_with("certification-locked", &args)}</div> }
            });
            view! {
                <section id="certification" aria-labelledby="certification-title">
                    <h2 id="certification-title">{i18n.t("certification-code-title")}</h2>
                    <p>{letter}</p>
                    {locked}
                    <ErrorSummary errors=messages.summary() node_ref=summary autofocus=focus_summary/>
                    <form id=CODE_FORM class="form" method="post" action=format!("{}/certification", business_path(&business_id))
                        novalidate on:submit=on_submit>
                        <TextField id=CODE label=i18n.t("certification-code-label")
                            hint=i18n.t("certification-code-hint") value
                            error=messages.message_for(i18n, CODE)
                            autocomplete="one-time-code" width="input--width-20"
                            on_check=move |_| messages.check_field(&check(), CODE)/>
                        <button class="button" type="submit">{i18n.t("certification-code-submit")}</button>
                    </form>
                    <FormChecked form_id=CODE_FORM form=CheckedForm::CertificationCode/>
                </section>
            }
            .into_any()
        }
    }
}
