//! Interventions after false alerts (R2005 Art. 12-14): each with its fee and the computation
//! of Art. 13 line by line, for both sides; the agents' form that records one, and the flag of
//! repeated false alerts (the disconnection decision of Art. 14).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::{FormMessages, TextField};
use crate::i18n::{use_i18n, FluentArgs, I18n};
use crate::model::after_connection::{ConnectedSite, FalseAlert, FeeComputation};
use crate::model::StepValues;

/// "37,78 €" in French, "37.78 €" in English.
fn euros(i18n: I18n, amount: Decimal) -> String {
    format!("{} €", i18n.decimal(&format!("{amount:.2}")))
}

/// A quantity as typed, without trailing zeros: "1,5".
fn quantity(i18n: I18n, value: Decimal) -> String {
    i18n.decimal(&value.normalize().to_string())
}

#[component]
pub fn FeeTable(alert: FalseAlert) -> impl IntoView {
    let i18n = use_i18n();
    let fee = alert.fee;
    let [admin_base, personnel_base, vehicles_base] = fee.at_index_100();
    let [per_alert, per_person_hour, per_vehicle_km] = FeeComputation::RATES;
    let mut args = FluentArgs::new();
    args.set("persons", fee.intervention.persons);
    args.set("hours", quantity(i18n, fee.intervention.hours));
    args.set("rate", euros(i18n, per_person_hour));
    let personnel = i18n.t_with("fee-line-personnel", &args);
    let mut args = FluentArgs::new();
    args.set("kilometres", quantity(i18n, fee.intervention.kilometres));
    args.set("vehicles", fee.intervention.vehicles);
    args.set("rate", euros(i18n, per_vehicle_km));
    let vehicles = i18n.t_with("fee-line-vehicles", &args);
    let mut args = FluentArgs::new();
    args.set("index", quantity(i18n, fee.index.value()));
    let lines = [
        (
            i18n.t("fee-line-administrative"),
            euros(i18n, per_alert),
            euros(i18n, admin_base),
            euros(i18n, fee.administrative),
        ),
        (
            i18n.t("fee-line-personnel-title"),
            personnel,
            euros(i18n, personnel_base),
            euros(i18n, fee.personnel),
        ),
        (
            i18n.t("fee-line-vehicles-title"),
            vehicles,
            euros(i18n, vehicles_base),
            euros(i18n, fee.vehicles),
        ),
    ]
    .into_iter()
    .map(|(line, how, base, indexed)| {
        view! {
            <tr>
                <th scope="row">{line}</th>
                <td>{how}</td>
                <td class="table__numeric">{base}</td>
                <td class="table__numeric">{indexed}</td>
            </tr>
        }
    })
    .collect_view();
    view! {
        <table class="table" data-testid="fee-table">
            <caption class="table__caption">{i18n.t_with("fee-caption", &args)}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("fee-col-line")}</th>
                    <th scope="col">{i18n.t("fee-col-how")}</th>
                    <th scope="col" class="table__numeric">{i18n.t("fee-col-base")}</th>
                    <th scope="col" class="table__numeric">{i18n.t("fee-col-indexed")}</th>
                </tr>
            </thead>
            <tbody>{lines}</tbody>
            <tfoot>
                <tr>
                    <th scope="row" colspan="3">{i18n.t("fee-total")}</th>
                    <td class="table__numeric"><strong data-testid="fee-total">{euros(i18n, fee.total)}</strong></td>
                </tr>
            </tfoot>
        </table>
    }
}

/// The site's false alerts; with `form`, the agents' form to record one.
#[component]
pub fn FalseAlerts(
    site: ConnectedSite,
    /// The agents' page: what a refused form held, and its messages.
    #[prop(optional)]
    form: Option<(StepValues, FormMessages, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let alerts = site
        .false_alerts
        .iter()
        .cloned()
        .map(|alert| {
            let mut args = FluentArgs::new();
            args.set("date", i18n.date(&alert.occurred_on));
            view! {
                <li class="message" data-testid="false-alert">
                    <h3 class="heading-s">{i18n.t_with("false-alert-title", &args)}</h3>
                    <p class="hint">{i18n.t("false-alert-recorded-by")} " " {alert.recorded_by.clone()}</p>
                    {view! { <FeeTable alert/> }.into_any()}
                </li>
            }
        })
        .collect_view();
    let has_alerts = !site.false_alerts.is_empty();
    let show = has_alerts || form.is_some();
    show.then(|| {
        view! {
            <section class="section" id="fausses-alertes" aria-labelledby="false-alerts-title">
                <h2 id="false-alerts-title" class="heading-m">{i18n.t("false-alerts-title")}</h2>
                <p>{i18n.t("false-alerts-body")}</p>
                <p data-testid="false-alert-definition">{i18n.t("false-alert-definition")}</p>
                {site.repeated_false_alerts.then(|| view! {
                    <div class="notice notice--warning" data-testid="repeated-false-alerts">
                        <p><strong>{i18n.t("false-alerts-repeated")}</strong></p>
                    </div>
                })}
                {has_alerts.then(|| view! { <ol class="messages">{alerts}</ol> }.into_any())}
                {form.map(|(typed, messages, action)| if site.connection.connected_on().is_some() {
                    view! { <RecordFalseAlert typed messages action/> }.into_any()
                } else {
                    view! { <p class="notice">{i18n.t("false-alerts-waiting")}</p> }.into_any()
                })}
            </section>
        }
    })
}

#[component]
fn RecordFalseAlert(typed: StepValues, messages: FormMessages, action: String) -> impl IntoView {
    let i18n = use_i18n();
    let value = |field: &str| typed.get(field).cloned().unwrap_or_default();
    view! {
        <form class="form" method="post" action=action novalidate>
            <h3 class="heading-s">{i18n.t("false-alert-record-title")}</h3>
            <TextField id="alert_date" label=i18n.t("false-alert-date") input_type="date"
                width="input--width-10" value=value("alert_date")
                error=messages.message_for(i18n, "alert_date")/>
            <TextField id="persons" label=i18n.t("false-alert-persons") width="input--width-5"
                value=value("persons") error=messages.message_for(i18n, "persons")/>
            <TextField id="hours" label=i18n.t("false-alert-hours") hint=i18n.t("false-alert-hours-hint")
                width="input--width-5" value=value("hours")
                error=messages.message_for(i18n, "hours")/>
            <TextField id="kilometres" label=i18n.t("false-alert-kilometres")
                hint=i18n.t("false-alert-kilometres-hint") width="input--width-5" value=value("kilometres")
                error=messages.message_for(i18n, "kilometres")/>
            <TextField id="vehicles" label=i18n.t("false-alert-vehicles") width="input--width-5"
                value=value("vehicles") error=messages.message_for(i18n, "vehicles")/>
            <button class="button" type="submit">{i18n.t("false-alert-record")}</button>
        </form>
    }
}
