//! The warning before a session ends for inactivity (WCAG 2.2.1, "timing adjustable"): a few
//! minutes before, an alert offers to stay signed in; once the time is up, it says so and how
//! to go on, and that what was saved is kept. An island, on the pages where something is being
//! filled in ([`WarnBeforeSessionEnds`]); a page that only shows what is saved loses nothing
//! when the session ends, and gets no script. Without JavaScript a page cannot speak up by
//! itself (the wizard saves each step, so little can be lost).
//!
//! The server renders both alerts, hidden, in the page's language, with the session's length
//! on them; the island only shows one or the other when its time comes (`session_dom`).

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::session_clock::schedule;
use crate::components::{path_and_query, sign_in_href};
use crate::i18n::{use_i18n, FluentArgs};

/// Wakes the alerts that [`WarnBeforeSessionEnds`] rendered. No props: what it needs is in
/// that markup, so the browser needs no JSON parser for it (docs/islands.md).
#[island]
pub fn SessionWarning() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    super::session_dom::attach();
}

/// The session warning for whoever is signed in (nothing for anyone else), with its words: put
/// once on a page where something is filled in that the end of the session would lose.
#[component]
pub fn WarnBeforeSessionEnds() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    session_idle_seconds().map(|idle_seconds| {
        let minutes = |duration: Duration| duration.as_secs().div_ceil(60);
        let (warns, ends) = schedule(Duration::from_secs(idle_seconds));
        let mut warning_args = FluentArgs::new();
        warning_args.set("minutes", minutes(ends - warns));
        let mut ended_args = FluentArgs::new();
        ended_args.set("minutes", minutes(Duration::from_secs(idle_seconds)));
        // The way back in returns to this very page.
        let here = path_and_query(
            &location.pathname.get_untracked(),
            &location.search.get_untracked(),
        );
        view! {
            <SessionWarning/>
            <div class="session-timeouts" data-idle-seconds=idle_seconds.to_string()>
                <TimeoutAlert
                    part="warning"
                    title=i18n.t("session-warning-title")
                    text=i18n.t_with("session-warning-text", &warning_args)
                >
                    <button class="button" type="button">{i18n.t("session-warning-stay")}</button>
                </TimeoutAlert>
                <TimeoutAlert
                    part="ended"
                    title=i18n.t("session-ended-title")
                    text=i18n.t_with("session-ended-text", &ended_args)
                >
                    <a class="button" href=sign_in_href(&here) rel="external">
                        {i18n.t("session-ended-sign-in")}
                    </a>
                </TimeoutAlert>
            </div>
        }
    })
}

/// One of the two alerts, hidden until the island shows it; `part` is its name for the island.
#[component]
fn TimeoutAlert(
    part: &'static str,
    title: String,
    text: String,
    children: Children,
) -> impl IntoView {
    let title_id = format!("session-{part}-title");
    let text_id = format!("session-{part}-text");
    let (labelled_by, described_by) = (title_id.clone(), text_id.clone());
    view! {
        <div
            class="session-timeout"
            role="alertdialog"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            data-session=part
            hidden
        >
            <h2 id=title_id class="session-timeout__title">{title}</h2>
            <p id=text_id>{text}</p>
            {children()}
        </div>
    }
}

/// How long the session of whoever is signed in lasts idle, read from the request.
#[cfg(feature = "ssr")]
fn session_idle_seconds() -> Option<u64> {
    crate::api::session_idle_seconds()
}

/// Only the server renders this component.
#[cfg(not(feature = "ssr"))]
fn session_idle_seconds() -> Option<u64> {
    None
}
