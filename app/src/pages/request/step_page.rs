//! `/espace/entreprises/{id}/demandes/{request}/{step}`: one step of the connection request,
//! in the frame every step shares (caption, title, progress list).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::documents::DocumentsStep;
use super::form_step::FormStep;
use super::review::ReviewStep;
use super::{request_path, step_path, BACK_TO_REVIEW};
use crate::api::{load_request, PortalError};
use crate::components::set_http_status;
use crate::components::wizard::{ProgressItem, StepProgress, StepState};
use crate::i18n::use_i18n;
use crate::model::{BusinessId, RequestId};
use crate::model::{ProcedureRequest, WizardStep};
use crate::model::{StepValues, Submitted};
use crate::pages::espace::RefusalPanel;

#[component]
pub fn WizardStepPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        params.with(|p| {
            (
                BusinessId::new(p.get("id").unwrap_or_default()),
                RequestId::new(p.get("request").unwrap_or_default()),
                p.get("step").unwrap_or_default(),
            )
        })
    };
    let back_to_review = Memo::new(move |_| query.with(|q| q.get(BACK_TO_REVIEW).is_some()));
    let submitted = Submitted::<StepValues>::from_server();
    let has_errors_title =
        ArcRwSignal::new(submitted.as_ref().is_some_and(|s| !s.errors.is_empty()));
    let has_errors = RwSignal::from(has_errors_title.clone());
    let page = Resource::new(key, move |(business, request, _)| {
        let submitted = submitted.clone();
        async move {
            load_request(business, request)
                .await
                .map(|request| (request, submitted))
        }
    });
    let step_title = ArcRwSignal::new(String::new());
    let procedure_title = ArcRwSignal::new(String::new());
    let title = {
        let step_title = step_title.clone();
        let procedure_title = procedure_title.clone();
        move || {
            let title = format!("{} – {}", step_title.get(), procedure_title.get());
            if has_errors_title.get() {
                format!("{} {title}", i18n.t("error-title-prefix"))
            } else {
                title
            }
        }
    };
    view! {
        <Title text=title/>
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || {
                let step_title = step_title.clone();
                let procedure_title = procedure_title.clone();
                Suspend::new(async move {
                    let slug = key().2;
                    let page = page.await.map(|(request, submitted)| {
                        let step = request.procedure.step(&slug);
                        (request, submitted, step)
                    });
                    match page {
                        Err(error) => view! { <RefusalPanel error/> }.into_any(),
                        Ok((_, _, None)) => view! { <RefusalPanel error=PortalError::NotFound/> }.into_any(),
                        Ok((request, submitted, Some(step))) => {
                            // "Step 3 of 8: Alarm system", the page title a screen reader
                            // announces first on arriving at a step.
                            let mut args = crate::i18n::FluentArgs::new();
                            args.set("n", request.procedure.number(step));
                            args.set("total", request.procedure.steps().len());
                            args.set("step", i18n.t(&step.title_id()));
                            step_title.set(i18n.t_with("wizard-step-page-title", &args));
                            procedure_title.set(i18n.t(request.procedure.title_id()));
                            view! {
                                <StepView request step submitted back_to_review=back_to_review.get_untracked() has_errors/>
                            }
                            .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn StepView(
    request: ProcedureRequest,
    step: WizardStep,
    submitted: Option<Submitted<StepValues>>,
    back_to_review: bool,
    has_errors: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    if request.reference.is_some() {
        return view! { <Frozen request/> }.into_any();
    }
    if !request.may_open(step) {
        set_http_status(409);
        let resume = step_path(
            &request.business_id,
            &request.id,
            request.first_incomplete(),
        );
        return view! {
            <h1 class="page-title">{i18n.t("step-not-ready-title")}</h1>
            <p>{i18n.t("error-step-not-ready")}</p>
            <p><a class="button" href=resume>{i18n.t("wizard-resume")}</a></p>
        }
        .into_any();
    }
    let procedure = request.procedure;
    let items = procedure
        .steps()
        .iter()
        .copied()
        .map(|s| ProgressItem {
            label: i18n.t(&s.title_id()),
            href: step_path(&request.business_id, &request.id, s),
            state: if s == step {
                StepState::Current
            } else if request.is_complete(s) {
                StepState::Done
            } else if request.may_open(s) {
                StepState::Open
            } else {
                StepState::Locked
            },
        })
        .collect();
    let mut args = crate::i18n::FluentArgs::new();
    args.set("n", procedure.number(step));
    args.set("total", procedure.steps().len());
    let caption = format!(
        "{} · {}",
        i18n.t(procedure.title_id()),
        i18n.t_with("wizard-step-of", &args)
    );
    let intro = i18n.t(&format!("{}-intro", step.title_id()));
    let body = match step {
        WizardStep::Documents => {
            view! { <DocumentsStep request submitted back_to_review has_errors/> }.into_any()
        }
        WizardStep::Review => view! { <ReviewStep request/> }.into_any(),
        form => view! { <FormStep request step=form submitted back_to_review/> }.into_any(),
    };
    view! {
        <div class="wizard">
            <div class="wizard__side"><StepProgress items/></div>
            <div class="wizard__main">
                <span class="caption">{caption}</span>
                <h1 class="page-title">{i18n.t(&step.title_id())}</h1>
                <p class="lead">{intro}</p>
                {(step == WizardStep::Obligations).then(|| view! {
                    <p><a href=crate::paths::OBLIGATIONS_SHEET rel="external" data-testid="obligations-sheet">{i18n.t("sheet-link")}</a></p>
                })}
                {body}
            </div>
        </div>
    }
    .into_any()
}

/// A submitted request's steps: nothing to change any more.
#[component]
fn Frozen(request: ProcedureRequest) -> impl IntoView {
    let i18n = use_i18n();
    set_http_status(409);
    view! {
        <h1 class="page-title">{i18n.t("request-frozen-title")}</h1>
        <p>{i18n.t("error-already-submitted")}</p>
        <p><a class="button" href=request_path(&request.business_id, &request.id)>{i18n.t("request-view")}</a></p>
    }
}
