//! `/trop-de-tentatives?quoi=…&minutes=…&retour=…`: an action was repeated too often. The
//! server shows this page (status 429) at the address that was refused, without the browser
//! bundle, so it reads the same with JavaScript or without.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::set_http_status;
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::rate_limit::local_path;
use crate::model::LimitedAction;

#[component]
pub fn TooManyAttemptsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let (action, minutes, back) = query.with_untracked(|q| {
        (
            q.get("quoi").as_deref().and_then(LimitedAction::from_code),
            q.get("minutes")
                .and_then(|m| m.parse::<u32>().ok())
                .filter(|m| (1..=24 * 60).contains(m)),
            q.get("retour")
                .as_deref()
                .and_then(local_path)
                .map(str::to_owned),
        )
    });
    set_http_status(429);
    let wait = match minutes {
        Some(n) => {
            let mut args = FluentArgs::new();
            args.set("n", n);
            i18n.t_with("too-many-wait", &args)
        }
        None => i18n.t("too-many-wait-later"),
    };
    view! {
        <Title text=i18n.t("too-many-title")/>
        <h1 class="page-title">{i18n.t("too-many-title")}</h1>
        <p data-testid="too-many">{action.map(|a| i18n.t(a.message_id()))}" "{wait}</p>
        <p>{i18n.t("too-many-why")}</p>
        <p>
            <a class="button" href=back.unwrap_or_else(|| "/".to_owned())>
                {i18n.t("too-many-back")}
            </a>
        </p>
    }
}
