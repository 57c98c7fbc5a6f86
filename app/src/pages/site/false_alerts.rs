//! Interventions after false alerts (R2005 Art. 12-14): each with its fee and the computation
//! of Art. 13 line by line, for both sides; the agents' form that records one, and the flag of
//! repeated false alerts (the disconnection decision of Art. 14).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::{ErrorSummary, FormMessages, RadioGroup, RadioOption, TextArea, TextField};
use crate::i18n::{use_i18n, FluentArgs, I18n};
use crate::model::after_connection::{
    AlertCause, ConnectedSite, FalseAlert, FeeComputation, FeeStatus, CAUSE_FIELD,
    CONTEST_REASON_FIELD, DECISION_NOTE_FIELD,
};
use crate::model::{BusinessId, StepValues};
use crate::paths::{agent_fee_decision_path, fee_contest_path};

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
    let since = match alert.index_since {
        Some(day) => {
            let mut date = FluentArgs::new();
            date.set("date", i18n.date(&day.iso()));
            i18n.t_with("fee-index-since", &date)
        }
        None => i18n.t("fee-index-configured"),
    };
    args.set("since", since);
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

/// Whose page shows the alerts: an eSpace's members contest a fee, an agent decides on it.
#[derive(Clone)]
pub enum FeeSide {
    Member(BusinessId),
    Agent,
}

/// The fee whose form is open (the page's address names it), with what a refused form held.
#[derive(Clone)]
pub struct OpenFee {
    pub alert_id: String,
    pub typed: StepValues,
    pub messages: FormMessages,
}

/// The site's false alerts, each with its cause, fee and the fee's status; the members' way to
/// contest a fee and the agents' to decide on a contest; with `form`, the agents' form to
/// record one.
#[component]
pub fn FalseAlerts(
    site: ConnectedSite,
    side: FeeSide,
    /// The fee whose contest (members) or decision (agents) form is open.
    open: Option<OpenFee>,
    /// The agents' page: what a refused record form held, and its messages.
    #[prop(optional)]
    form: Option<(StepValues, FormMessages, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let site_id = site.id();
    let alerts = site
        .false_alerts
        .iter()
        .cloned()
        .map(|alert| {
            let mut args = FluentArgs::new();
            args.set("date", i18n.date(&alert.occurred_on));
            let opened = open.clone().filter(|o| o.alert_id == alert.id);
            let action = match (&side, alert.status) {
                (FeeSide::Member(business), FeeStatus::Charged) => {
                    let href = fee_contest_path(business, &site_id, &alert.id);
                    Some((href, "fee-contest"))
                }
                (FeeSide::Agent, FeeStatus::Contested) => {
                    Some((agent_fee_decision_path(&site_id, &alert.id), "fee-decide"))
                }
                _ => None,
            };
            let next = action.map(|(href, label)| match opened {
                Some(open) if label == "fee-contest" => {
                    view! { <ContestForm action=href open/> }.into_any()
                }
                Some(open) => view! { <DecisionForm action=href open/> }.into_any(),
                None => view! {
                    <p><a href=format!("{href}#fee-form") data-testid="fee-action">{i18n.t(label)}</a></p>
                }
                .into_any(),
            });
            view! {
                <li class="message" data-testid="false-alert">
                    <h3 class="heading-s">{i18n.t_with("false-alert-title", &args)}</h3>
                    <p class="hint">{i18n.t("false-alert-recorded-by")} " " {alert.recorded_by.clone()}</p>
                    {alert.cause.map(|cause| view! {
                        <p data-testid="alert-cause">{i18n.t("alert-cause")} " " <strong>{i18n.t(&cause.message_id())}</strong></p>
                    })}
                    <p data-testid="fee-status"><strong class="tag">{i18n.t(&alert.status.message_id())}</strong></p>
                    {alert.installer_certificate_requested.then(|| view! {
                        <div class="notice" data-testid="installer-certificate"><p>{i18n.t("fee-installer-certificate")}</p></div>
                    })}
                    {alert.contest_reason.clone().map(|reason| view! {
                        <p>{i18n.t("fee-contest-reason-shown")} " " {reason}</p>
                    })}
                    {alert.decision_note.clone().map(|note| view! {
                        <p>{i18n.t("fee-decision-note-shown")} " " {note}</p>
                    })}
                    {view! { <FeeTable alert/> }.into_any()}
                    {next}
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

/// A member contests a fee: the reason goes to the Police, who confirm or cancel it.
#[component]
fn ContestForm(action: String, open: OpenFee) -> impl IntoView {
    let i18n = use_i18n();
    let reason = open
        .typed
        .get(CONTEST_REASON_FIELD)
        .cloned()
        .unwrap_or_default();
    view! {
        <form class="form" id="fee-form" method="post" action=action novalidate>
            <ErrorSummary errors=open.messages.summary()/>
            <p>{i18n.t("fee-contest-body")}</p>
            <TextArea id=CONTEST_REASON_FIELD label=i18n.t("fee-contest-reason") value=reason
                error=open.messages.message_for(i18n, CONTEST_REASON_FIELD)/>
            <button class="button" type="submit">{i18n.t("fee-contest-send")}</button>
        </form>
    }
}

/// An agent decides on a contested fee: confirmed with the Police's reasons, or cancelled.
#[component]
fn DecisionForm(action: String, open: OpenFee) -> impl IntoView {
    let i18n = use_i18n();
    let note = open
        .typed
        .get(DECISION_NOTE_FIELD)
        .cloned()
        .unwrap_or_default();
    view! {
        // The agents' page has its error summary at the top.
        <form class="form" id="fee-form" method="post" action=action novalidate>
            <TextArea id=DECISION_NOTE_FIELD label=i18n.t("fee-decision-note")
                hint=i18n.t("fee-decision-note-hint") value=note
                error=open.messages.message_for(i18n, DECISION_NOTE_FIELD)/>
            <div class="button-group">
                <button class="button" type="submit" name="decision" value="confirm">{i18n.t("fee-confirm")}</button>
                <button class="button button--secondary" type="submit" name="decision" value="cancel">{i18n.t("fee-cancel")}</button>
            </div>
        </form>
    }
}

#[component]
fn RecordFalseAlert(typed: StepValues, messages: FormMessages, action: String) -> impl IntoView {
    let i18n = use_i18n();
    let value = |field: &str| typed.get(field).cloned().unwrap_or_default();
    let causes = AlertCause::ALL
        .into_iter()
        .map(|cause| RadioOption {
            value: cause.code(),
            label: i18n.t(&cause.message_id()),
            hint: None,
        })
        .collect();
    view! {
        <form class="form" method="post" action=action novalidate>
            <h3 class="heading-s">{i18n.t("false-alert-record-title")}</h3>
            <TextField id="alert_date" label=i18n.t("false-alert-date") input_type="date"
                width="input--width-10" value=value("alert_date")
                error=messages.message_for(i18n, "alert_date")/>
            <RadioGroup id=CAUSE_FIELD legend=i18n.t("alert-cause-legend") options=causes
                selected=Some(value(CAUSE_FIELD)).filter(|c| !c.is_empty())
                error=messages.message_for(i18n, CAUSE_FIELD)/>
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
