//! The ALARMIS portal's shared crate: rendered on the server (`ssr`) and hydrated in the
//! browser (`hydrate`). Pages, components, server functions, validated types, translations.

pub mod api;
pub mod components;
pub mod i18n;
pub mod islands;
pub mod model;
pub mod pages;
pub mod paths;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use components::{SiteFooter, SiteHeader, SkipLink};
use pages::{
    AccessibilityPage, AgentCasePage, AgentPage, AgentSitePage, AgentSitesPage, BusinessPage,
    HomePage, InboxPage, InvitationPage, NewBusinessPage, NotFound, PrivacyPage, PrivateEspacePage,
    ReportChangePage, RequestPage, SignInFailurePage, SitePage, TooManyAttemptsPage,
    WizardStepPage,
};

/// In context when the server renders a page outside the routes (a refusal shown at
/// `/auth/login`): the page goes out without any script.
#[derive(Clone, Copy, Debug)]
pub struct WithoutBundle;

/// The HTML document around the app; rendered on the server only. The island loader comes
/// last; the server takes it out of a page that holds no island
/// (`server/src/page_scripts.rs`), so a page where nothing acts in the browser fetches no
/// JavaScript and no WASM at all.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Islands mode: nothing outside an island hydrates, so no resource is written into the
    // page for the browser (an island turns this on for itself while it renders).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let locale = i18n::current_locale();
    let scripts_allowed = use_context::<WithoutBundle>().is_none();
    let reload_options = options.clone();
    let hydration =
        scripts_allowed.then(|| view! { <HydrationScripts options=options islands=true/> });
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=reload_options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
                {hydration}
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    i18n::provide_i18n();
    view! {
        <Stylesheet id="leptos" href="/pkg/alarmis.css"/>
        <Router>
            <SkipLink/>
            <SiteHeader/>
            <main id="main-content" class="page" tabindex="-1">
                // Every route renders whole before it is sent (SsrMode::Async): a browser
                // without JavaScript gets no placeholder left to fill, and no script.
                <Routes fallback=NotFound>
                    // Async: the eligibility answer (and its "Error:" title) must be in the first bytes
                    // sent, for browsers without JavaScript.
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    // Async as well: without JavaScript, streamed content would never replace
                    // its loading placeholder.
                    <Route path=path!("/espace") view=PrivateEspacePage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/nouvelle") view=NewBusinessPage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id") view=BusinessPage ssr=SsrMode::Async/>
                    // A plain form refused by the server comes back at the address it posted to,
                    // showing its page: these let the browser's router find that same page.
                    <Route path=path!("/espace/entreprises/:id/certification") view=BusinessPage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/demandes") view=BusinessPage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/messages") view=InboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/demandes/:request") view=RequestPage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/demandes/:request/supprimer") view=RequestPage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/demandes/:request/:step") view=WizardStepPage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/sites/:site") view=SitePage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/sites/:site/controles") view=SitePage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/sites/:site/changement/:part") view=ReportChangePage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/entreprises/:id/sites/:site/fausses-alertes/:alert/contestation") view=SitePage ssr=SsrMode::Async/>
                    <Route path=path!("/espace/invitations/:token") view=InvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("/agent") view=AgentPage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/sites") view=AgentSitesPage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/sites/indice") view=AgentSitesPage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/sites/:site") view=AgentSitePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/sites/:site/changements/:change") view=AgentSitePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/sites/:site/fausses-alertes") view=AgentSitePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/sites/:site/raccordement") view=AgentSitePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/sites/:site/fausses-alertes/:alert/decision") view=AgentSitePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/demandes/:request") view=AgentCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/demandes/:request/prise") view=AgentCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/demandes/:request/question") view=AgentCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/demandes/:request/decision") view=AgentCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/demandes/:request/lettre") view=AgentCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/agent/demandes/:request/envoi") view=AgentCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/connexion/echec") view=SignInFailurePage ssr=SsrMode::Async/>
                    <Route path=path!("/trop-de-tentatives") view=TooManyAttemptsPage ssr=SsrMode::Async/>
                    <Route path=path!("/accessibilite") view=AccessibilityPage ssr=SsrMode::Async/>
                    <Route path=path!("/protection-des-donnees") view=PrivacyPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
