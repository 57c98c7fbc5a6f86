//! Where a site's line stands (DOMAIN.md, "After connection": approval is not connection), in
//! words for both sides, and the agents' form that records the day POST Luxembourg connected
//! the line (or the first transmission test succeeded).

use leptos::prelude::*;

use crate::components::{FormMessages, TextField};
use crate::i18n::{use_i18n, FluentArgs, I18n};
use crate::model::after_connection::{ConnectedSite, Connection, CONNECTION_DAY_FIELD};
use crate::model::StepValues;
use crate::paths::connection_day_path;

/// "Connected on 20/11/2026", or "Approved on 02/11/2026, waiting for connection".
pub fn connection_text(i18n: I18n, connection: Connection) -> String {
    let mut args = FluentArgs::new();
    match connection {
        Connection::Connected { on, .. } => {
            args.set("date", i18n.date(&on.iso()));
            i18n.t_with("site-connected-since", &args)
        }
        Connection::Waiting { approved_on } => {
            args.set("date", i18n.date(&approved_on.iso()));
            i18n.t_with("site-waiting-since", &args)
        }
    }
}

/// The agents' section: the line's state and the form recording (or correcting) its day.
#[component]
pub fn ConnectionDay(
    site: ConnectedSite,
    typed: StepValues,
    messages: FormMessages,
) -> impl IntoView {
    let i18n = use_i18n();
    let connected = site.connection.connected_on();
    let value = typed
        .get(CONNECTION_DAY_FIELD)
        .cloned()
        .or_else(|| connected.map(|day| day.iso()))
        .unwrap_or_default();
    let button = if connected.is_some() {
        "connection-correct"
    } else {
        "connection-record"
    };
    view! {
        <section class="section" id="raccordement" aria-labelledby="connection-day-title">
            <h2 id="connection-day-title" class="heading-m">{i18n.t("connection-day-title")}</h2>
            <p data-testid="connection-state"><strong>{connection_text(i18n, site.connection)}</strong></p>
            <p>{i18n.t("connection-body")}</p>
            <form class="form" method="post" action=connection_day_path(&site.id()) novalidate>
                <TextField id=CONNECTION_DAY_FIELD label=i18n.t("connection-day")
                    hint=i18n.t("connection-day-hint") value input_type="date" width="input--width-10"
                    error=messages.message_for(i18n, CONNECTION_DAY_FIELD)/>
                <button class="button" type="submit">{i18n.t(button)}</button>
            </form>
        </section>
    }
}
