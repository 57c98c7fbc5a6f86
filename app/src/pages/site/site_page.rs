//! `/espace/entreprises/{id}/sites/{site}`: a connected site as its eSpace's members see it,
//! with the change reports sent and the way to report another.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::checks::YearlyChecks;
use super::details::{proposed_rows, SiteDetails};
use super::false_alerts::{FalseAlerts, FeeSide, OpenFee};
use super::{report_change_path, SITE_SENT_QUERY};
use crate::api::load_site;
use crate::components::wizard::ReviewSection;
use crate::components::FormMessages;
use crate::i18n::use_i18n;
use crate::model::after_connection::{ChangePart, ChangeStatus, ConnectedSite, SiteChange};
use crate::model::{BusinessId, SiteId};
use crate::model::{StepValues, Submitted};
use crate::pages::business_path;
use crate::pages::espace::{load_with_sent_back, Loaded};

#[component]
pub fn SitePage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        params.with(|p| {
            (
                BusinessId::new(p.get("id").unwrap_or_default()),
                SiteId::new(p.get("site").unwrap_or_default()),
            )
        })
    };
    // A record or contest form sent back without JavaScript: what was typed and why.
    let site = load_with_sent_back(key, |(business, site)| load_site(business, site));
    view! {
        <Loaded resource=site ready=move |(site, submitted)| view! { <SiteView site submitted/> }.into_any()/>
    }
}

#[component]
fn SiteView(site: ConnectedSite, submitted: Option<Submitted<StepValues>>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    // At a fee's contest address the form sent back is that one, not the checks' record form.
    let contested = use_params_map().with_untracked(|p| p.get("alert"));
    let (submitted, open) = match contested {
        Some(alert_id) => {
            let (typed, errors) = submitted.map(|s| (s.form, s.errors)).unwrap_or_default();
            let open = OpenFee {
                alert_id,
                typed,
                messages: FormMessages::new(errors),
            };
            (None, Some(open))
        }
        None => (submitted, None),
    };
    let sent = move || query.with(|q| q.get(SITE_SENT_QUERY).is_some());
    let business_id = site.request.business_id.clone();
    let site_id = site.id();
    let mut title = format!("{} – {}", i18n.t("site-title"), site.client_number);
    // A contest sent back: the title says so first, as every refused form's page does.
    if open
        .as_ref()
        .is_some_and(|o| !o.messages.summary().is_empty())
    {
        title = format!("{} {title}", i18n.t("error-title-prefix"));
    }
    let parts = ChangePart::ALL
        .into_iter()
        .map(|part| {
            let waiting = site.pending_changes().any(|c| c.part == part);
            let href = report_change_path(&business_id, &site_id, part);
            view! {
                <li>
                    {if waiting {
                        view! {
                            <span>{i18n.t(&part.title_id())}</span> " "
                            <strong class="tag">{i18n.t("change-status-submitted")}</strong>
                        }.into_any()
                    } else {
                        view! { <a href=href>{i18n.t(&part.title_id())}</a> }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    let changes = site.changes.clone();
    view! {
        // Something is filled in here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        <Title text=title/>
        <p><a href=business_path(&business_id)>{i18n.t("request-back-to-espace")}</a></p>
        <span class="caption">{site.request.company.company_name.clone()}</span>
        <h1 class="page-title">{i18n.t("site-title")} " " {site.client_number.clone()}</h1>
        <Show when=sent>
            <div class="notice notice--success" role="status" data-testid="change-sent">
                <p>{i18n.t("change-sent")}</p>
            </div>
        </Show>
        <section class="section" aria-labelledby="report-title">
            <h2 id="report-title" class="heading-m">{i18n.t("change-report-title")}</h2>
            <p>{i18n.t("change-report-body")}</p>
            <ul class="list" data-testid="change-parts">{parts}</ul>
        </section>
        {view! { <SiteDetails site=site.clone()/> }.into_any()}
        <p><a href=crate::paths::OBLIGATIONS_SHEET rel="external" data-testid="obligations-sheet">{i18n.t("sheet-link")}</a></p>
        {view! { <YearlyChecks site=site.clone() submitted=Some(submitted)/> }.into_any()}
        {view! { <FalseAlerts site=site.clone() side=FeeSide::Member(business_id.clone()) open/> }.into_any()}
        {view! { <ChangeList changes/> }.into_any()}
    }
}

/// The reports sent, newest first, with where each stands.
#[component]
pub fn ChangeList(changes: Vec<SiteChange>) -> impl IntoView {
    let i18n = use_i18n();
    (!changes.is_empty()).then(|| {
        let items = changes
            .into_iter()
            .map(|change| {
                let status = change.status;
                let title = format!(
                    "{} – {}",
                    i18n.t(&change.part.title_id()),
                    i18n.date_time(&change.submitted_at)
                );
                let rows = proposed_rows(i18n, &change);
                view! {
                    <li class="message" data-testid="change">
                        <p class="message__meta">
                            <strong class=if status == ChangeStatus::Submitted { "tag" } else { "tag tag--done" }
                                data-testid="change-status">{i18n.t(&status.message_id())}</strong>
                            " · " {change.submitted_by.clone()}
                        </p>
                        {change.refusal_reason.clone().map(|reason| view! {
                            <p class="message__body"><strong>{i18n.t("change-refusal-reason")}</strong> " " {reason}</p>
                        })}
                        <ReviewSection title rows change_href=None/>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="section" aria-labelledby="changes-title">
                <h2 id="changes-title" class="heading-m">{i18n.t("change-list-title")}</h2>
                <ol class="messages">{items}</ol>
            </section>
        }
    })
}
