//! `/connexion/echec?reason=…`: a sign-in that did not succeed, in words a person can act on.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::i18n::use_i18n;
use crate::paths;

#[component]
pub fn SignInFailurePage() -> impl IntoView {
    let i18n = use_i18n();
    let reason = use_query_map().with_untracked(|q| q.get("reason").unwrap_or_default());
    let body = match reason.as_str() {
        "cancelled" => "sign-in-failed-cancelled",
        "expired" => "sign-in-failed-expired",
        "unavailable" => "sign-in-failed-unavailable",
        _ => "sign-in-failed-invalid",
    };
    view! {
        <Title text=i18n.t("sign-in-failed-title")/>
        <h1 class="page-title">{i18n.t("sign-in-failed-title")}</h1>
        <p data-testid="sign-in-failure">{i18n.t(body)}</p>
        <p>
            <a class="button" href=paths::SIGN_IN rel="external">{i18n.t("sign-in-again")}</a>
        </p>
        <p><a href="/">{i18n.t("not-found-home")}</a></p>
    }
}
