//! `/espace`: the private eSpace every signed-in person has, and their business eSpaces.

use leptos::prelude::*;
use leptos_meta::Title;

use super::status::Loaded;
use super::{business_path, NEW_BUSINESS_PATH};
use crate::api::load_private_espace;
use crate::i18n::use_i18n;
use crate::model::{MemberRole, PrivateEspace, Role};
use crate::paths;

#[component]
pub fn PrivateEspacePage() -> impl IntoView {
    let space = Resource::new(|| (), |_| load_private_espace());
    view! {
        <Loaded resource=space ready=move |space| view! { <PrivateEspaceView space/> }.into_any()/>
    }
}

#[component]
fn PrivateEspaceView(space: PrivateEspace) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = space.viewer;
    let is_agent = viewer.role == Role::PoliceAgent;
    let businesses = if space.businesses.is_empty() {
        view! { <p>{i18n.t("espace-no-business")}</p> }.into_any()
    } else {
        let items = space
            .businesses
            .into_iter()
            .map(|b| {
                let role = match b.role {
                    MemberRole::Administrator => i18n.t("role-administrator"),
                    MemberRole::Member => i18n.t("role-member"),
                };
                view! {
                    <li class="espace-list__item">
                        <a href=business_path(&b.id)>{b.company_name}</a>
                        <span class="espace-list__meta">{format!("RCS {} · {role}", b.rcs_number)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="espace-list">{items}</ul> }.into_any()
    };
    view! {
        <Title text=i18n.t("espace-private-title")/>
        <span class="caption">{viewer.display_name()}</span>
        <h1 class="page-title">{i18n.t("espace-private-title")}</h1>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{i18n.t("espace-name")}</dt>
                <dd>{viewer.display_name()}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{i18n.t("espace-means")}</dt>
                <dd data-testid="auth-means">{i18n.t(viewer.means.message_id())}</dd>
            </div>
        </dl>
        {is_agent.then(|| view! {
            <p><a class="button button--secondary" href=paths::AGENT>{i18n.t("agent-title")}</a></p>
        })}
        <h2>{i18n.t("espace-business-title")}</h2>
        <p class="hint">{i18n.t("espace-business-hint")}</p>
        {businesses}
        <p><a class="button" href=NEW_BUSINESS_PATH>{i18n.t("business-new-title")}</a></p>
        <h2>{i18n.t("export-title")}</h2>
        <p>{i18n.t("export-body")}</p>
        <p><a href=paths::EXPORT download data-testid="export-link" rel="external">{i18n.t("export-link")}</a></p>
    }
}
