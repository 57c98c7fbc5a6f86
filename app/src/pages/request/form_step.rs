//! A step made of questions. Without JavaScript the form posts to the step's own address; with
//! it, the step's rules run in the browser (a field as it is left, everything on "continue")
//! and the answers go to `save_request_step`, which checks them again and saves them.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::web_sys::SubmitEvent;
use leptos_router::hooks::use_navigate;

use super::questions::sections;
use super::{request_path, step_path, BACK_TO_REVIEW};
use crate::api::{save_request_step, PortalError};
use crate::components::wizard::{StepAnswers, StepFields};
use crate::components::{ErrorSummary, FormMessages};
use crate::i18n::use_i18n;
use crate::islands::FormChecked;
use crate::model::CheckedForm;
use crate::model::{FieldErrors, StepValues, Submitted};
use crate::model::{ProcedureRequest, WizardStep};
use crate::pages::business_path;

/// The step's form, for its form-check island.
const STEP_FORM: &str = "step-form";

#[component]
pub fn FormStep(
    request: ProcedureRequest,
    step: WizardStep,
    submitted: Option<Submitted<StepValues>>,
    back_to_review: bool,
    has_errors: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (initial, server_errors) = match submitted {
        Some(s) => (s.form, s.errors),
        None => (
            request.answers_of(step).cloned().unwrap_or_default(),
            FieldErrors::default(),
        ),
    };
    let sections = sections(step);
    let answers = StepAnswers::new(&sections, &initial);
    let focus_summary = !server_errors.is_empty();
    let messages = FormMessages::new(server_errors, has_errors, step.order());
    let failure = RwSignal::new(None::<PortalError>);
    let busy = RwSignal::new(false);
    let check = move |field: &'static str| {
        let fresh = step.check(&answers.values()).err().unwrap_or_default();
        messages.check_field(&fresh, field);
    };
    let summary = NodeRef::<Div>::new();
    let focus_summary_now = move || {
        request_animation_frame(move || {
            if let Some(summary) = summary.get_untracked() {
                let _ = summary.focus();
            }
        });
    };
    let business_id = request.business_id.clone();
    let request_id = request.id.clone();
    let action = step_path(&business_id, &request_id, step);
    let navigate = use_navigate();
    let on_submit = {
        let (business_id, request_id) = (business_id.clone(), request_id.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let values = answers.values();
            if let Err(errors) = step.check(&values) {
                messages.show_all(errors);
                focus_summary_now();
                return;
            }
            busy.set(true);
            failure.set(None);
            let navigate = navigate.clone();
            let (business_id, request_id) = (business_id.clone(), request_id.clone());
            spawn_local(async move {
                let saved = save_request_step(
                    business_id.clone(),
                    request_id.clone(),
                    step,
                    values,
                    back_to_review,
                )
                .await;
                match saved {
                    Ok(next) => navigate(
                        &step_path(&business_id, &request_id, next),
                        Default::default(),
                    ),
                    Err(PortalError::Invalid(errors)) => {
                        messages.show_all(errors);
                        focus_summary_now();
                    }
                    Err(PortalError::StepNotReady | PortalError::AlreadySubmitted) => {
                        navigate(&request_path(&business_id, &request_id), Default::default())
                    }
                    Err(other) => failure.set(Some(other)),
                }
                busy.set(false);
            });
        }
    };
    // The first step of either procedure shows who is asking, as the eSpace knows them.
    let applicant = (step == request.procedure.first_step()).then(|| {
        let company = &request.company;
        view! {
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("business-company-name")}</dt>
                    <dd class="summary-list__value">{company.company_name.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("business-rcs")}</dt>
                    <dd class="summary-list__value">{company.rcs_number.to_string()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("business-seat")}</dt>
                    <dd class="summary-list__value">
                        {format!("{} {}, {} {}", company.seat.house_number, company.seat.street,
                            company.seat.postcode, company.seat.locality)}
                    </dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("q-representative")}</dt>
                    <dd class="summary-list__value">{request.representative.clone()}</dd>
                </div>
            </dl>
        }
    });
    let back = request
        .procedure
        .previous(step)
        .map(|previous| step_path(&business_id, &request_id, previous))
        .unwrap_or_else(|| business_path(&business_id));
    view! {
        // Something is typed here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        {applicant}
        <ErrorSummary errors=messages.summary() node_ref=summary autofocus=focus_summary/>
        {move || failure.get().map(|e| view! {
            <div class="notice notice--error" role="alert">{i18n.t(e.message_id())}</div>
        })}
        <form id=STEP_FORM class="form" method="post" action=action novalidate on:submit=on_submit>
            {back_to_review.then(|| view! { <input type="hidden" name=BACK_TO_REVIEW value="1"/> })}
            <StepFields sections answers messages check/>
            <div class="button-group">
                <button class="button" type="submit" aria-disabled=move || busy.get().then_some("true")>
                    {i18n.t("wizard-save-continue")}
                </button>
                <a class="link-back" href=back>{i18n.t("wizard-back")}</a>
            </div>
            <p class="hint">
                {i18n.t("wizard-saved-hint")} " "
                <a href=business_path(&business_id)>{i18n.t("wizard-leave")}</a>
            </p>
        </form>
        <FormChecked form_id=STEP_FORM form=CheckedForm::Step(step)/>
    }
}
