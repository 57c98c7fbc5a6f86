//! The warning before a session ends for inactivity (WCAG 2.2.1, "timing adjustable"): a few
//! minutes before, an alert offers to stay signed in; once the time is up, it says so and how
//! to go on, and that what was saved is kept. An island, on the pages where something is being
//! filled in ([`WarnBeforeSessionEnds`]); a page that only shows what is saved loses nothing
//! when the session ends, and gets no script. Without JavaScript a page cannot speak up by
//! itself (the wizard saves each step, so little can be lost).

use std::time::Duration;

use leptos::html::Button;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::sign_in_href;
use crate::i18n::{use_i18n, FluentArgs};

/// The server renews a session at most once a minute (`auth::viewer`): the page counts that
/// minute as already gone, so it never says "signed in" after the server stopped agreeing.
const SERVER_SLACK: Duration = Duration::from_secs(60);
/// How long the person has to answer the warning.
const WARNING_LEAD: Duration = Duration::from_secs(120);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Quiet,
    Warning,
    Ended,
}

/// When to warn and when to say it ended, counted from the last request, for a session that
/// lasts `idle` without one.
fn schedule(idle: Duration) -> (Duration, Duration) {
    let ends = idle.saturating_sub(SERVER_SLACK).max(idle / 2);
    let warns = ends.saturating_sub(WARNING_LEAD).max(ends / 2);
    (warns, ends)
}

/// The warning's words in the page's language, rendered on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionWarningTexts {
    pub warning_title: String,
    pub warning_text: String,
    pub stay: String,
    pub ended_title: String,
    pub ended_text: String,
    pub sign_in_again: String,
}

/// The page's request renewed the session: the clock starts when the island wakes up.
#[island]
pub fn SessionWarning(idle_seconds: u64, texts: SessionWarningTexts) -> impl IntoView {
    let phase = RwSignal::new(Phase::Quiet);
    let (warns, ends) = schedule(Duration::from_secs(idle_seconds));
    let timers = StoredValue::new(Vec::<TimeoutHandle>::new());
    let stay = NodeRef::<Button>::new();
    let restart = move || {
        timers.update_value(|handles| {
            for handle in handles.drain(..) {
                handle.clear();
            }
            let warn = set_timeout_with_handle(
                move || {
                    phase.set(Phase::Warning);
                    request_animation_frame(move || {
                        if let Some(button) = stay.get_untracked() {
                            let _ = button.focus();
                        }
                    });
                },
                warns,
            );
            let end = set_timeout_with_handle(move || phase.set(Phase::Ended), ends);
            handles.extend(warn.ok());
            handles.extend(end.ok());
        });
    };
    let marker = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let Some(marker) = marker.get() else {
            return false;
        };
        restart();
        if let Some(island) = marker.parent_element() {
            let _ = island.set_attribute("data-hydrated", "true");
        }
        true
    });
    // "Stay signed in": one request renews the session, as every page's request does.
    let stay_signed_in = move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            if renew_session().await {
                phase.set(Phase::Quiet);
                restart();
            } else {
                phase.set(Phase::Ended);
            }
        });
    };
    on_cleanup(move || {
        timers.update_value(|handles| handles.drain(..).for_each(|handle| handle.clear()));
    });
    // The way back in returns to this very page.
    let sign_in_again = move || {
        let here = window().location();
        let path = here.pathname().unwrap_or_default() + &here.search().unwrap_or_default();
        sign_in_href(&path)
    };
    let texts = StoredValue::new(texts);
    view! {
        <span node_ref=marker hidden></span>
        <Show when=move || phase.get() != Phase::Quiet>
            <div
                class="session-timeout"
                role="alertdialog"
                aria-labelledby="session-timeout-title"
                aria-describedby="session-timeout-text"
                data-testid="session-timeout"
            >
                {move || texts.with_value(|texts| match phase.get() {
                    Phase::Ended => view! {
                        <h2 id="session-timeout-title" class="session-timeout__title">{texts.ended_title.clone()}</h2>
                        <p id="session-timeout-text">{texts.ended_text.clone()}</p>
                        <a class="button" href=sign_in_again rel="external">{texts.sign_in_again.clone()}</a>
                    }
                    .into_any(),
                    _ => view! {
                        <h2 id="session-timeout-title" class="session-timeout__title">{texts.warning_title.clone()}</h2>
                        <p id="session-timeout-text">{texts.warning_text.clone()}</p>
                        <button class="button" type="button" node_ref=stay on:click=stay_signed_in>
                            {texts.stay.clone()}
                        </button>
                    }
                    .into_any(),
                })}
            </div>
        </Show>
    }
}

/// The server function `api::keep_session`, called with a plain `fetch` as a form without
/// fields: the browser then needs no server-function client. `false` when the session is
/// already gone (the server answers 401) or the portal cannot be reached.
#[cfg(feature = "hydrate")]
async fn renew_session() -> bool {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{Headers, RequestInit, Response};

    let init = RequestInit::new();
    init.set_method("POST");
    if let Ok(headers) = Headers::new() {
        let _ = headers.set("content-type", "application/x-www-form-urlencoded");
        init.set_headers(&headers);
    }
    init.set_body(&leptos::wasm_bindgen::JsValue::from_str(""));
    let request = window().fetch_with_str_and_init("/api/keep_session", &init);
    match wasm_bindgen_futures::JsFuture::from(request).await {
        Ok(response) => response.dyn_into::<Response>().is_ok_and(|r| r.ok()),
        Err(_) => false,
    }
}

/// The session warning for whoever is signed in (nothing for anyone else), with its words: put
/// once on a page where something is filled in that the end of the session would lose.
#[component]
pub fn WarnBeforeSessionEnds() -> impl IntoView {
    let i18n = use_i18n();
    session_idle_seconds().map(|idle_seconds| {
        let minutes = |duration: Duration| duration.as_secs().div_ceil(60);
        let (warns, ends) = schedule(Duration::from_secs(idle_seconds));
        let mut warning_args = FluentArgs::new();
        warning_args.set("minutes", minutes(ends - warns));
        let mut ended_args = FluentArgs::new();
        ended_args.set("minutes", minutes(Duration::from_secs(idle_seconds)));
        let texts = SessionWarningTexts {
            warning_title: i18n.t("session-warning-title"),
            warning_text: i18n.t_with("session-warning-text", &warning_args),
            stay: i18n.t("session-warning-stay"),
            ended_title: i18n.t("session-ended-title"),
            ended_text: i18n.t_with("session-ended-text", &ended_args),
            sign_in_again: i18n.t("session-ended-sign-in"),
        };
        view! { <SessionWarning idle_seconds texts/> }
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_comes_two_minutes_before_the_end_and_a_minute_early() {
        let minutes = |m: u64| Duration::from_secs(m * 60);
        assert_eq!(schedule(minutes(30)), (minutes(27), minutes(29)));
        assert_eq!(schedule(minutes(10)), (minutes(7), minutes(9)));
        // Short sessions still get a warning before the end, and the end before the server's.
        let (warns, ends) = schedule(minutes(2));
        assert_eq!((warns, ends), (Duration::from_secs(30), minutes(1)));
        assert!(warns < ends && ends < minutes(2));
    }
}
