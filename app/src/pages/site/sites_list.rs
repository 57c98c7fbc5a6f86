//! The business eSpace's connected sites, on its page: each links to the site's own page.

use leptos::prelude::*;

use super::site_path;
use crate::api::business_sites;
use crate::i18n::use_i18n;
use crate::model::after_connection::SiteLine;
use crate::model::BusinessId;

#[component]
pub fn ConnectedSites(business_id: BusinessId) -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(move || business_id.clone(), business_sites);
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                // No site yet: nothing to show (the procedures above say how to get one).
                list.await.ok().filter(|sites| !sites.is_empty()).map(|sites| view! { <SiteList sites/> })
            })}
        </Suspense>
    }
}

#[component]
fn SiteList(sites: Vec<SiteLine>) -> impl IntoView {
    let i18n = use_i18n();
    let items = sites
        .into_iter()
        .map(|site| {
            view! {
                <li>
                    <a href=site_path(&site.business_id, &site.id) data-testid="site-link">
                        {site.client_number.clone()} " · " {site.address.clone()}
                    </a>
                    <span class="hint">" " {super::connection::connection_text(i18n, site.connection)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="section" aria-labelledby="sites-title">
            <h2 id="sites-title" class="heading-m">{i18n.t("sites-title")}</h2>
            <ul class="list" data-testid="sites">{items}</ul>
        </section>
    }
}
