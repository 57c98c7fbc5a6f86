//! The warning before a session ends for inactivity (WCAG 2.2.1, "timing adjustable"): a few
//! minutes before, an alert offers to stay signed in; once the time is up, it says so and how
//! to go on, and that what was saved is kept. With JavaScript only: without it, a page cannot
//! speak up by itself (the wizard saves each step, so little can be lost).

use std::time::Duration;

use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

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

#[component]
pub fn SessionTimeout(idle_seconds: u64) -> impl IntoView {
    let i18n = use_i18n();
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
    // Every page the router shows asked the server for its data, which renewed the session.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        phase.set(Phase::Quiet);
        restart();
    });
    let keep = Action::new(move |_: &()| crate::api::keep_session());
    Effect::new(move |_| match keep.value().get() {
        Some(Ok(_)) => {
            phase.set(Phase::Quiet);
            restart();
        }
        Some(Err(_)) => phase.set(Phase::Ended),
        None => {}
    });
    on_cleanup(move || {
        timers.update_value(|handles| handles.drain(..).for_each(|handle| handle.clear()));
    });
    let minutes = |duration: Duration| duration.as_secs().div_ceil(60);
    let mut warning_args = FluentArgs::new();
    warning_args.set("minutes", minutes(ends - warns));
    let warning_text = StoredValue::new(i18n.t_with("session-warning-text", &warning_args));
    let mut ended_args = FluentArgs::new();
    ended_args.set("minutes", minutes(Duration::from_secs(idle_seconds)));
    let ended_text = StoredValue::new(i18n.t_with("session-ended-text", &ended_args));
    let pathname = location.pathname;
    let sign_in_again = move || sign_in_href(&pathname.get());
    view! {
        <Show when=move || phase.get() != Phase::Quiet>
            <div
                class="session-timeout"
                role="alertdialog"
                aria-labelledby="session-timeout-title"
                aria-describedby="session-timeout-text"
                data-testid="session-timeout"
            >
                {move || match phase.get() {
                    Phase::Ended => view! {
                        <h2 id="session-timeout-title" class="session-timeout__title">{i18n.t("session-ended-title")}</h2>
                        <p id="session-timeout-text">{ended_text.get_value()}</p>
                        <a class="button" href=sign_in_again rel="external">{i18n.t("session-ended-sign-in")}</a>
                    }
                    .into_any(),
                    _ => view! {
                        <h2 id="session-timeout-title" class="session-timeout__title">{i18n.t("session-warning-title")}</h2>
                        <p id="session-timeout-text">{warning_text.get_value()}</p>
                        <button class="button" type="button" node_ref=stay on:click=move |_| { keep.dispatch(()); }>
                            {i18n.t("session-warning-stay")}
                        </button>
                    }
                    .into_any(),
                }}
            </div>
        </Show>
    }
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
