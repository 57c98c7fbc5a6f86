//! `/agent/sites` and `/agent/sites/{site}`: the connected sites for the Police, those with
//! change reports waiting first; a site's page shows each waiting report beside the site's
//! information as it is now, to accept or refuse (with a reason).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::checks::YearlyChecks;
use super::connection::ConnectionDay;
use super::details::{current_rows, proposed_rows, SiteDetails};
use super::false_alerts::{FalseAlerts, FeeSide, OpenFee};
use super::price_index::PriceIndexSection;
use super::site_page::ChangeList;
use super::{agent_site_path, change_decision_path};
use crate::api::{agent_sites, load_agent_site, load_price_indices};
use crate::components::wizard::ReviewSection;
use crate::components::{ErrorSummary, FormMessages, TextArea};
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::after_connection::{AgentSite, ChangeStatus, SiteChange, SiteLine};
use crate::model::{SiteId, StepValues, Submitted};
use crate::pages::espace::{load_with_sent_back, Loaded};
use crate::paths;

#[component]
pub fn AgentSitesPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| agent_sites());
    // An index entry sent back without JavaScript: what was typed and why it was refused.
    let indices = load_with_sent_back(|| (), |_| load_price_indices());
    view! {
        <Title text=i18n.t("agent-sites-title")/>
        <p><a href=paths::AGENT>{i18n.t("agent-back")}</a></p>
        <h1 class="page-title">{i18n.t("agent-sites-title")}</h1>
        <Loaded resource=list ready=move |sites| view! { <SitesTable sites/> }.into_any()/>
        <Loaded resource=indices ready=move |(indices, submitted)| {
            let (typed, errors) = submitted.map(|s| (s.form, s.errors)).unwrap_or_default();
            let messages = FormMessages::new(errors);
            view! { <PriceIndexSection indices typed messages/> }.into_any()
        }/>
    }
}

#[component]
fn SitesTable(sites: Vec<SiteLine>) -> impl IntoView {
    let i18n = use_i18n();
    if sites.is_empty() {
        return view! { <p>{i18n.t("agent-sites-empty")}</p> }.into_any();
    }
    let rows = sites
        .into_iter()
        .map(|site| {
            let pending = (site.pending_changes > 0).then(|| {
                let mut n = FluentArgs::new();
                n.set("n", site.pending_changes);
                view! { <strong class="tag tag--new">{i18n.t_with("agent-sites-pending", &n)}</strong> }
            });
            view! {
                <tr data-testid="site-row">
                    <td><a href=agent_site_path(&site.id)>{site.client_number.clone()}</a></td>
                    <td>{site.company.clone()}</td>
                    <td>{site.address.clone()}</td>
                    <td>{super::connection::connection_text(i18n, site.connection)}</td>
                    <td>{pending}</td>
                    <td>{site.overdue.then(|| view! { <strong class="tag tag--late">{i18n.t("check-overdue")}</strong> })}</td>
                    <td>{site.repeated_false_alerts.then(|| view! { <strong class="tag tag--late">{i18n.t("false-alerts-repeated-tag")}</strong> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table">
            <caption class="visually-hidden">{i18n.t("agent-sites-title")}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("site-client-number")}</th>
                    <th scope="col">{i18n.t("business-company-name")}</th>
                    <th scope="col">{i18n.t("agent-sites-address")}</th>
                    <th scope="col">{i18n.t("site-connection")}</th>
                    <th scope="col">{i18n.t("agent-sites-changes")}</th>
                    <th scope="col">{i18n.t("checks-title")}</th>
                    <th scope="col">{i18n.t("false-alerts-title")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn AgentSitePage() -> impl IntoView {
    let params = use_params_map();
    let site = load_with_sent_back(
        move || params.with(|p| SiteId::new(p.get("site").unwrap_or_default())),
        load_agent_site,
    );
    view! {
        <Loaded resource=site ready=move |(site, submitted)| view! { <AgentSiteView site submitted/> }.into_any()/>
    }
}

#[component]
fn AgentSiteView(site: AgentSite, submitted: Option<Submitted<StepValues>>) -> impl IntoView {
    let i18n = use_i18n();
    let (typed, errors) = submitted.map(|s| (s.form, s.errors)).unwrap_or_default();
    let focus_summary = !errors.is_empty();
    let messages = FormMessages::new(errors);
    // At a contested fee's decision address, its form is open.
    let deciding = use_params_map()
        .with_untracked(|p| p.get("alert"))
        .map(|alert_id| OpenFee {
            alert_id,
            typed: typed.clone(),
            messages,
        });
    let number = site.site.client_number.clone();
    let title = if focus_summary {
        format!(
            "{} {number} – {}",
            i18n.t("error-title-prefix"),
            i18n.t("agent-sites-title")
        )
    } else {
        format!("{number} – {}", i18n.t("agent-sites-title"))
    };
    let pending: Vec<SiteChange> = site.site.pending_changes().cloned().collect();
    let decided: Vec<SiteChange> = site
        .site
        .changes
        .iter()
        .filter(|c| c.status != ChangeStatus::Submitted)
        .cloned()
        .collect();
    let reports = pending
        .into_iter()
        .map(|change| view! { <PendingChange site=site.clone() change typed=typed.clone() messages/> })
        .collect_view();
    view! {
        // Something is filled in here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        <Title text=title/>
        <p><a href=super::AGENT_SITES_PATH>{i18n.t("agent-sites-back")}</a></p>
        <span class="caption">{site.company.company_name.clone()}</span>
        <h1 class="page-title">{i18n.t("site-title")} " " {number.clone()}</h1>
        <p id="changes" tabindex="-1" class="visually-hidden">{i18n.t("agent-sites-changes")}</p>
        <ErrorSummary errors=messages.summary()/>
        {view! { <div data-testid="pending-changes">{reports}</div> }.into_any()}
        {view! { <SiteDetails site=site.site.clone()/> }.into_any()}
        {view! { <ConnectionDay site=site.site.clone() typed=typed.clone() messages/> }.into_any()}
        {view! { <YearlyChecks site=site.site.clone() submitted=None/> }.into_any()}
        {view! { <FalseAlerts site=site.site.clone() side=FeeSide::Agent open=deciding form=(typed.clone(), messages, paths::false_alerts_path(&site.site.id()))/> }.into_any()}
        {view! { <ChangeList changes=decided/> }.into_any()}
    }
}

/// One waiting report: what the site has, what is asked, and the two decisions.
#[component]
fn PendingChange(
    site: AgentSite,
    change: SiteChange,
    typed: StepValues,
    messages: FormMessages,
) -> impl IntoView {
    let i18n = use_i18n();
    let part = change.part;
    let field = part.reason_field();
    let reason = typed.get(field).cloned().unwrap_or_default();
    let action = change_decision_path(&site.site.id(), &change.id);
    let heading = format!(
        "{} – {} ({})",
        i18n.t("agent-change-title"),
        i18n.t(&part.title_id()),
        i18n.date_time(&change.submitted_at)
    );
    view! {
        <section class="panel panel--question" data-testid="pending-change">
            <h2 class="panel__title">{heading}</h2>
            <p class="hint">{i18n.t("agent-change-by")} " " {change.submitted_by.clone()}</p>
            <ReviewSection title=i18n.t("agent-change-now") rows=current_rows(i18n, &site.site, part) change_href=None/>
            <ReviewSection title=i18n.t("agent-change-asked") rows=proposed_rows(i18n, &change) change_href=None/>
            <form class="form" method="post" action=action.clone()>
                <input type="hidden" name="decision" value="accept"/>
                <p>{i18n.t("agent-change-accept-body")}</p>
                <button class="button" type="submit">{i18n.t("agent-change-accept")}</button>
            </form>
            <form class="form" method="post" action=action>
                <input type="hidden" name="decision" value="refuse"/>
                <input type="hidden" name="part" value=part.code()/>
                <TextArea id=field label=i18n.t("agent-change-refusal-reason")
                    hint=i18n.t("agent-refusal-reason-hint") value=reason
                    error=messages.message_for(i18n, field)/>
                <button class="button button--warning" type="submit">{i18n.t("agent-change-refuse")}</button>
            </form>
        </section>
    }
}
