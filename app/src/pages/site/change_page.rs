//! `/espace/entreprises/{id}/sites/{site}/changement/{part}`: the part's questions, filled in
//! with the site's information as it is now, to change and send to the Police. The server
//! checks the rules (one of them compares with the site's information, which the browser does
//! not have) and keeps what was typed when it refuses the form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{report_change_path, site_path};
use crate::api::load_site;
use crate::api::PortalError;
use crate::components::wizard::StepFields;
use crate::components::{ErrorSummary, FormMessages};
use crate::i18n::use_i18n;
use crate::model::after_connection::{ChangePart, ConnectedSite};
use crate::model::{BusinessId, SiteId};
use crate::model::{FieldErrors, StepValues, Submitted};
use crate::pages::espace::Loaded;
use crate::pages::request::sections;

#[component]
pub fn ReportChangePage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        params.with(|p| {
            (
                BusinessId::new(p.get("id").unwrap_or_default()),
                SiteId::new(p.get("site").unwrap_or_default()),
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
        <Loaded resource=page ready=move |(site, part, submitted)| {
            view! { <ChangeForm site part submitted has_errors/> }.into_any()
        }/>
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
    let messages = FormMessages::new(server_errors);
    let business_id = site.request.business_id.clone();
    let site_id = site.id();
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
        <ErrorSummary errors=messages.summary()/>
        <form class="form" method="post" action=report_change_path(&business_id, &site_id, part)
            novalidate>
            <StepFields sections answers=initial messages/>
            <div class="button-group">
                <button class="button" type="submit">{i18n.t("change-send")}</button>
                <a class="link-back" href=site_path(&business_id, &site_id)>{i18n.t("change-cancel")}</a>
            </div>
        </form>
    }
}
