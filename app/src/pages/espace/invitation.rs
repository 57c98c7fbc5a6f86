//! `/espace/invitations/{token}`: someone invited to a business eSpace sees which company and
//! joins it: a form that posts to the same address.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::status::RefusalPanel;
use crate::api::{invitation_company, PortalError};
use crate::components::set_http_status;
use crate::i18n::{use_i18n, FluentArgs};
use crate::paths;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let company = Resource::new(token, invitation_company);
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match company.await {
                    Ok(company) => view! { <JoinForm token=token() company/> }.into_any(),
                    Err(PortalError::NotFound) => view! { <InvalidInvitation/> }.into_any(),
                    Err(error) => view! { <RefusalPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn JoinForm(token: String, company: String) -> impl IntoView {
    let i18n = use_i18n();
    let mut args = FluentArgs::new();
    args.set("company", company.clone());
    let action = paths::invitation_path(&token);
    view! {
        <Title text=i18n.t("join-title")/>
        <h1 class="page-title">{i18n.t("join-title")}</h1>
        <p>{i18n.t_with("join-body", &args)}</p>
        <form method="post" action=action>
            <button class="button" type="submit">{i18n.t("join-button")}</button>
        </form>
    }
}

#[component]
fn InvalidInvitation() -> impl IntoView {
    set_http_status(404);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("join-invalid-title")/>
        <h1 class="page-title">{i18n.t("join-invalid-title")}</h1>
        <p>{i18n.t("join-invalid-body")}</p>
        <p><a href=paths::PRIVATE_ESPACE>{i18n.t("espace-private-title")}</a></p>
    }
}
