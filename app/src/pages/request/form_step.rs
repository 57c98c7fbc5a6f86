//! A step made of questions: a plain form that posts to the step's own address, where the
//! server checks the answers and saves them or sends the page back with its messages. In the
//! browser, the form-check island runs the step's rules first.

use leptos::prelude::*;

use super::questions::sections;
use super::{step_path, BACK_TO_REVIEW};
use crate::components::wizard::StepFields;
use crate::components::{ErrorSummary, FormMessages};
use crate::i18n::use_i18n;
use crate::islands::FormChecked;
use crate::model::{CheckedForm, FieldErrors, ProcedureRequest, StepValues, Submitted, WizardStep};
use crate::pages::business_path;

/// The step's form, for its form-check island.
const STEP_FORM: &str = "step-form";

#[component]
pub fn FormStep(
    request: ProcedureRequest,
    step: WizardStep,
    submitted: Option<Submitted<StepValues>>,
    back_to_review: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (answers, server_errors) = match submitted {
        Some(s) => (s.form, s.errors),
        None => (
            request.answers_of(step).cloned().unwrap_or_default(),
            FieldErrors::default(),
        ),
    };
    let messages = FormMessages::new(server_errors);
    let business_id = request.business_id.clone();
    let request_id = request.id.clone();
    let action = step_path(&business_id, &request_id, step);
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
        <ErrorSummary errors=messages.summary()/>
        <form id=STEP_FORM class="form" method="post" action=action novalidate>
            {back_to_review.then(|| view! { <input type="hidden" name=BACK_TO_REVIEW value="1"/> })}
            <StepFields sections=sections(step) answers messages/>
            <div class="button-group">
                <button class="button" type="submit">
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
