//! `/espace/entreprises/{id}/sites/{site}/changement/{part}`: the part's questions, filled in
//! with the site's information as it is now, to change and send to the Police. The rules run
//! as each field is left (with JavaScript) and again on the server, which keeps what was typed
//! when it refuses the form.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{report_change_path, site_path};
use crate::api::load_site;
use crate::api::PortalError;
use crate::components::wizard::{StepAnswers, StepFields};
use crate::components::{ErrorSummary, FormMessages};
use crate::i18n::use_i18n;
use crate::model::after_connection::{ChangePart, ConnectedSite};
use crate::model::{FieldErrors, StepValues, Submitted};
use crate::pages::espace::RefusalPanel;
use crate::pages::request::sections;

#[component]
pub fn ReportChangePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        params.with(|p| {
            (
                p.get("id").unwrap_or_default(),
                p.get("site").unwrap_or_default(),
                p.get("part").unwrap_or_default(),
            )
        })
    };
    let submitted = Submitted::<StepValues>::from_server();
    let has_errors = RwSignal::new(submitted.as_ref().is_some_and(|s| !s.errors.is_empty()));
    let page = Resource::new(key, move |(business, site, slug)| {
        let submitted = submitted.clone();
        async move {
            let part = ChangePart::from_slug(&slug).ok_or(PortalError::NotFound)?;
            load_site(business, site)
                .await
                .map(|site| (site, part, submitted))
        }
    });
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok((site, part, submitted)) => {
                        view! { <ChangeForm site part submitted has_errors/> }.into_any()
                    }
                    Err(error) => view! { <RefusalPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChangeForm(
    site: ConnectedSite,
    part: ChangePart,
    submitted: Option<Submitted<StepValues>>,
    has_errors: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = site
        .request
        .answers_of(part.step())
        .cloned()
        .unwrap_or_default();
    let (initial, server_errors) = match submitted {
        Some(s) => (s.form, s.errors),
        None => (part.values_in(&current), FieldErrors::default()),
    };
    let sections: Vec<_> = sections(part.step())
        .into_iter()
        .filter(|s| s.questions.iter().any(|q| part.fields().contains(&q.id)))
        .collect();
    let answers = StepAnswers::new(&sections, &initial);
    let focus_summary = !server_errors.is_empty();
    let messages = FormMessages::new(server_errors, has_errors, part.fields());
    let check = {
        let current = current.clone();
        move |field: &'static str| {
            let fresh = part
                .check_rules(&current, &answers.values())
                .err()
                .unwrap_or_default();
            messages.check_field(&fresh, field);
        }
    };
    let summary = NodeRef::<Div>::new();
    // The form posts to the server either way; with JavaScript, a form the rules refuse is
    // stopped here and explained without a round trip.
    let on_submit = move |ev: SubmitEvent| {
        if let Err(errors) = part.check(&current, &answers.values()) {
            ev.prevent_default();
            messages.show_all(errors);
            request_animation_frame(move || {
                if let Some(summary) = summary.get_untracked() {
                    let _ = summary.focus();
                }
            });
        }
    };
    let business_id = site.request.business_id.clone();
    let site_id = site.id().to_owned();
    let heading = i18n.t(&part.title_id());
    let title = move || {
        let title = format!("{} – {}", heading.clone(), i18n.t("change-report-title"));
        if has_errors.get() {
            format!("{} {title}", i18n.t("error-title-prefix"))
        } else {
            title
        }
    };
    view! {
        // Something is filled in here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        <Title text=title/>
        <p><a class="link-back" href=site_path(&business_id, &site_id)>{i18n.t("wizard-back")}</a></p>
        <span class="caption">{i18n.t("change-report-title")} " · " {site.client_number.clone()}</span>
        <h1 class="page-title">{i18n.t(&part.title_id())}</h1>
        <p>{i18n.t("change-form-body")}</p>
        <ErrorSummary errors=messages.summary() node_ref=summary autofocus=focus_summary/>
        <form class="form" method="post" action=report_change_path(&business_id, &site_id, part)
            novalidate on:submit=on_submit>
            <StepFields sections answers messages check/>
            <div class="button-group">
                <button class="button" type="submit">{i18n.t("change-send")}</button>
                <a class="link-back" href=site_path(&business_id, &site_id)>{i18n.t("change-cancel")}</a>
            </div>
        </form>
    }
}
