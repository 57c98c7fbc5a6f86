//! The home page: what ALARMIS is, who may apply, the two procedures, and a check that tells a
//! visitor which one is theirs. Content from the procedure page (`shared/seeds/alarmis-procedure-*`).

mod eligibility_check;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;
use eligibility_check::{CheckState, EligibilityCheck};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    // GOV.UK's pattern: a page showing errors says so first in its title. The title is rendered
    // into <head> possibly after the request's reactive arena is gone, so it reads a
    // reference-counted signal; the form gets an arena handle to the same value.
    let has_errors = ArcRwSignal::new(false);
    let check = CheckState::from_address(RwSignal::from(has_errors.clone()));
    let title = move || {
        let title = i18n.t("home-page-title");
        if has_errors.get() {
            format!("{} {title}", i18n.t("error-title-prefix"))
        } else {
            title
        }
    };
    view! {
        <Title text=title/>
        <h1 class="page-title">{t("home-title")}</h1>
        <p class="lead">{t("home-lead")}</p>
        <p>{t("home-two-requests")}</p>

        <section aria-labelledby="alarms-title">
            <h2 id="alarms-title">{t("home-alarms-title")}</h2>
            <ul class="list list--bullet">
                <li>{t("home-alarms-passive")}</li>
                <li>{t("home-alarms-active")}</li>
            </ul>
            <div class="notice" role="note">{t("home-alarms-fire")}</div>
        </section>

        <section aria-labelledby="who-title">
            <h2 id="who-title">{t("home-who-title")}</h2>
            <p>{t("home-who-body")}</p>
            <h3>{t("home-prerequisites-title")}</h3>
            <p>{t("home-prerequisites-body")}</p>
            <p>{t("home-authentication")}</p>
        </section>

        <section aria-labelledby="procedures-title">
            <h2 id="procedures-title">{t("home-procedures-title")}</h2>
            <div class="cards">
                <article class="card" aria-labelledby="procedure-a-title">
                    <h3 id="procedure-a-title" class="card__title">{t("procedure-a-title")}</h3>
                    <p class="card__audience">{t("procedure-a-audience")}</p>
                    <p>{t("procedure-a-body")}</p>
                </article>
                <article class="card" aria-labelledby="procedure-b-title">
                    <h3 id="procedure-b-title" class="card__title">{t("procedure-b-title")}</h3>
                    <p class="card__audience">{t("procedure-b-audience")}</p>
                    <p>{t("procedure-b-body")}</p>
                </article>
            </div>
            <h3>{t("home-answer-title")}</h3>
            <p>{t("home-answer-body")}</p>
        </section>

        <EligibilityCheck state=check/>

        <section aria-labelledby="costs-title">
            <h2 id="costs-title">{t("home-costs-title")}</h2>
            <p>{t("home-costs-body")}</p>
        </section>

        <section aria-labelledby="obligations-title">
            <h2 id="obligations-title">{t("home-obligations-title")}</h2>
            <ul class="list list--bullet">
                <li>{t("home-obligations-maintenance")}</li>
                <li>{t("home-obligations-log")}</li>
                <li>{t("home-obligations-test")}</li>
                <li>{t("home-obligations-inspection")}</li>
                <li>{t("home-obligations-changes")}</li>
                <li>{t("home-obligations-training")}</li>
                <li>{t("home-obligations-false-alerts")}</li>
            </ul>
            <p><a href=crate::paths::OBLIGATIONS_SHEET rel="external" data-testid="obligations-sheet">{t("sheet-link")}</a></p>
        </section>
    }
}
