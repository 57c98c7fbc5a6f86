//! The session warning's work in the page (browser only): two timers from the moment the page
//! arrived (its request renewed the session), the server's alerts shown when they fire, and
//! "stay signed in" as one request that renews the session. Plain DOM calls on the markup of
//! `WarnBeforeSessionEnds`.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{document, window};
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{Element, HtmlElement, RequestInit, Response};

use super::dom::{listen, mark_awake};
use super::session_clock::{schedule, IDLE_SECONDS};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Quiet,
    Warning,
    Ended,
}

struct Alerts {
    warning: Element,
    ended: Element,
    stay: HtmlElement,
    warns: Duration,
    ends: Duration,
    /// The pending timers' handles, cleared when the clock starts again.
    timers: RefCell<Vec<i32>>,
}

/// Finds the alerts and starts the clock; marks the island awake for the end-to-end tests.
pub fn attach() {
    let Some(alerts) = find() else {
        return;
    };
    let alerts = Rc::new(alerts);
    alerts.restart();
    listen(&alerts.stay.clone().into(), "click", {
        let alerts = alerts.clone();
        move |_| {
            let alerts = alerts.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if renew_session().await {
                    alerts.show(Phase::Quiet);
                    alerts.restart();
                } else {
                    alerts.show(Phase::Ended);
                }
            });
        }
    });
    mark_awake("SessionWarning");
}

fn find() -> Option<Alerts> {
    let root = document()
        .query_selector(&format!("[{IDLE_SECONDS}]"))
        .ok()??;
    let idle = root.get_attribute(IDLE_SECONDS)?.parse::<u64>().ok()?;
    let (warns, ends) = schedule(Duration::from_secs(idle));
    let part = |name: &str| {
        root.query_selector(&format!("[data-session=\"{name}\"]"))
            .ok()
            .flatten()
    };
    let warning = part("warning")?;
    let stay = warning.query_selector("button").ok()??.dyn_into().ok()?;
    Some(Alerts {
        ended: part("ended")?,
        warning,
        stay,
        warns,
        ends,
        timers: RefCell::new(Vec::new()),
    })
}

impl Alerts {
    fn restart(self: &Rc<Self>) {
        let mut timers = self.timers.borrow_mut();
        for handle in timers.drain(..) {
            window().clear_timeout_with_handle(handle);
        }
        for (phase, after) in [(Phase::Warning, self.warns), (Phase::Ended, self.ends)] {
            let alerts = self.clone();
            let fire = Closure::once_into_js(move || alerts.show(phase));
            let handle = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                fire.unchecked_ref(),
                i32::try_from(after.as_millis()).unwrap_or(i32::MAX),
            );
            timers.extend(handle.ok());
        }
    }

    /// One alert or none. The warning takes focus, so that "stay signed in" is one key away
    /// and a screen reader reads the alert's title and text.
    fn show(&self, phase: Phase) {
        let _ = self
            .warning
            .toggle_attribute_with_force("hidden", phase != Phase::Warning);
        let _ = self
            .ended
            .toggle_attribute_with_force("hidden", phase != Phase::Ended);
        if phase == Phase::Warning {
            let _ = self.stay.focus();
        }
    }
}

/// The server function `api::keep_session`, called with a plain `fetch` as a form without
/// fields: the browser then needs no server-function client. `false` when the session is
/// already gone (the server answers 401) or the portal cannot be reached.
async fn renew_session() -> bool {
    let init = RequestInit::new();
    init.set_method("POST");
    if let Ok(headers) = leptos::web_sys::Headers::new() {
        let _ = headers.set("content-type", "application/x-www-form-urlencoded");
        init.set_headers(&headers);
    }
    init.set_body(&JsValue::from_str(""));
    let request = window().fetch_with_str_and_init("/api/keep_session", &init);
    match wasm_bindgen_futures::JsFuture::from(request).await {
        Ok(response) => response.dyn_into::<Response>().is_ok_and(|r| r.ok()),
        Err(_) => false,
    }
}
