use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::set_http_status;
use crate::i18n::use_i18n;

/// Any unknown address: a plain explanation and a way back, with a real 404 status.
#[component]
pub fn NotFound() -> impl IntoView {
    set_http_status(404);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("not-found-title")/>
        <h1 class="page-title">{i18n.t("not-found-title")}</h1>
        <p>{i18n.t("not-found-body")}</p>
        <p><a href="/">{i18n.t("not-found-home")}</a></p>
    }
}
