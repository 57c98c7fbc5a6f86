//! A business eSpace's certification (procedure A): the badge once certified, or, once the
//! Police approved, the form where the code from the letter is typed. The form posts to the
//! server; in the browser, the form-check island checks the code's shape first.

use leptos::prelude::*;

use crate::components::{ErrorSummary, FormMessages, TextField};
use crate::i18n::{use_i18n, FluentArgs};
use crate::islands::FormChecked;
use crate::model::certification::CertificationState;
use crate::model::BusinessId;
use crate::model::{CheckedForm, StepValues, Submitted, CERTIFICATION_CODE_FIELD};
use crate::paths;

/// The code input's name (the server's form field).
const CODE: &str = CERTIFICATION_CODE_FIELD;
/// The form's id, for its form-check island.
const CODE_FORM: &str = "code-form";

fn date(stamp: &str) -> String {
    stamp.get(..10).unwrap_or_default().to_owned()
}

#[component]
pub fn CertificationPanel(
    business_id: BusinessId,
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
            let messages = FormMessages::new(errors);
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
                    <ErrorSummary errors=messages.summary()/>
                    <form id=CODE_FORM class="form" method="post" action=paths::certification_code_path(&business_id)
                        novalidate>
                        <TextField id=CODE label=i18n.t("certification-code-label")
                            hint=i18n.t("certification-code-hint") value=typed
                            error=messages.message_for(i18n, CODE)
                            autocomplete="one-time-code" width="input--width-20"/>
                        <button class="button" type="submit">{i18n.t("certification-code-submit")}</button>
                    </form>
                    <FormChecked form_id=CODE_FORM form=CheckedForm::CertificationCode/>
                </section>
            }
            .into_any()
        }
    }
}
