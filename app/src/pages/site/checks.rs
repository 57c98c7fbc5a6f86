//! A site's yearly maintenance and transmission test: when each is due (late ones marked),
//! what was recorded with its certificate, and, for the eSpace's members, the form that
//! records one (a plain `multipart/form-data` post; the server checks the day and the file).

use leptos::prelude::*;

use super::{agent_certificate_path, certificate_path, record_check_path};
use crate::components::{ErrorSummary, RadioGroup, RadioOption};
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::after_connection::{ConnectedSite, YearlyCheck};
use crate::model::connection::MAX_DOCUMENT_BYTES;
use crate::model::{FieldErrors, StepValues, Submitted};

/// The record form's inputs (the server reads the same names).
pub const CHECK_FIELD: &str = "check";
pub const DONE_ON_FIELD: &str = "done_on";
pub const CERTIFICATE_FIELD: &str = "file";

#[component]
pub fn YearlyChecks(
    site: ConnectedSite,
    /// `Some` on the eSpace's page (with the form), `None` on the agents'.
    submitted: Option<Option<Submitted<StepValues>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let business_id = site.request.business_id.clone();
    let site_id = site.id();
    let due = site
        .due
        .iter()
        .map(|due| {
            let mut args = FluentArgs::new();
            args.set("date", i18n.date(&due.due_on));
            view! {
                <div class="summary-list__row" data-testid=format!("due-{}", due.check.code())>
                    <dt class="summary-list__key">{i18n.t(&due.check.title_id())}</dt>
                    <dd class="summary-list__value">
                        {i18n.t_with("check-due-by", &args)}
                        {due.overdue.then(|| view! { " " <strong class="tag tag--late">{i18n.t("check-overdue")}</strong> })}
                    </dd>
                </div>
            }
        })
        .collect_view();
    let for_members = submitted.is_some();
    let records = site
        .checks
        .iter()
        .map(|record| {
            let href = if for_members {
                certificate_path(&business_id, &site_id, &record.id)
            } else {
                agent_certificate_path(&site_id, &record.id)
            };
            view! {
                <tr data-testid="check-record">
                    <td>{i18n.t(&record.check.title_id())}</td>
                    <td>{i18n.date(&record.done_on)}</td>
                    <td><a href=href download>{record.certificate_name.clone()}</a> " (" {i18n.size(record.certificate_bytes)} ")"</td>
                    <td>{record.recorded_by.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let has_records = !site.checks.is_empty();
    // Before the line is connected no yearly date runs and nothing can be recorded.
    let connected = site.connection.connected_on().is_some();
    let form = submitted.filter(|_| connected).map(|submitted| {
        view! { <RecordForm action=record_check_path(&business_id, &site_id) submitted/> }
            .into_any()
    });
    view! {
        <section class="section" id="controles" aria-labelledby="checks-title">
            <h2 id="checks-title" class="heading-m">{i18n.t("checks-title")}</h2>
            <p>{i18n.t("checks-body")}</p>
            {(!connected).then(|| view! { <p class="notice" data-testid="checks-waiting">{i18n.t("checks-waiting")}</p> })}
            <dl class="summary-list" data-testid="due-checks">{due}</dl>
            {has_records.then(|| view! {
                <table class="table">
                    <caption class="visually-hidden">{i18n.t("checks-recorded")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("checks-kind")}</th>
                            <th scope="col">{i18n.t("checks-done-on")}</th>
                            <th scope="col">{i18n.t("checks-certificate")}</th>
                            <th scope="col">{i18n.t("checks-recorded-by")}</th>
                        </tr>
                    </thead>
                    <tbody>{records}</tbody>
                </table>
            }.into_any())}
            {form}
        </section>
    }
}

#[component]
fn RecordForm(action: String, submitted: Option<Submitted<StepValues>>) -> impl IntoView {
    let i18n = use_i18n();
    let (typed, errors) = submitted
        .map(|s| (s.form, s.errors))
        .unwrap_or_else(|| (StepValues::new(), FieldErrors::default()));
    let message = |field: &str| errors.for_field(field).map(|e| i18n.field_message(e));
    let (check_error, date_error, file_error) = (
        message(CHECK_FIELD),
        message(DONE_ON_FIELD),
        message(CERTIFICATE_FIELD),
    );
    let chosen = typed.get(CHECK_FIELD).cloned().unwrap_or_default();
    let done_on = typed.get(DONE_ON_FIELD).cloned().unwrap_or_default();
    let mut limits = FluentArgs::new();
    limits.set("file", i18n.size(MAX_DOCUMENT_BYTES));
    let error_line = |id: &'static str, message: Option<String>| {
        message.map(|message| {
            view! {
                <p id=id class="error-message">
                    <span class="visually-hidden">{i18n.t("error-prefix")} " "</span>{message}
                </p>
            }
        })
    };
    let field_class = |error: &Option<String>| {
        if error.is_some() {
            "field field--error"
        } else {
            "field"
        }
    };
    let options = YearlyCheck::ALL
        .into_iter()
        .map(|check| RadioOption {
            value: check.code(),
            label: i18n.t(&check.title_id()),
            hint: None,
        })
        .collect();
    let selected = YearlyCheck::ALL
        .into_iter()
        .map(|c| c.code())
        .find(|c| *c == chosen)
        .map(str::to_owned);
    view! {
        <h3 class="heading-s">{i18n.t("checks-record-title")}</h3>
        <ErrorSummary errors=errors.clone()/>
        <form class="form upload" method="post" enctype="multipart/form-data" action=action novalidate>
            <RadioGroup id=CHECK_FIELD legend=i18n.t("checks-kind") options selected
                error=check_error/>
            <div class=field_class(&date_error)>
                <label class="label" for=DONE_ON_FIELD>{i18n.t("checks-done-on")}</label>
                <div id="done_on-hint" class="hint">{i18n.t("checks-done-on-hint")}</div>
                {error_line("done_on-error", date_error.clone())}
                <input class="input input--width-10" type="date" id=DONE_ON_FIELD name=DONE_ON_FIELD value=done_on
                    aria-describedby=if date_error.is_some() { "done_on-hint done_on-error" } else { "done_on-hint" }
                    aria-invalid=date_error.is_some().then_some("true")/>
            </div>
            <div class=field_class(&file_error)>
                <label class="label" for=CERTIFICATE_FIELD>{i18n.t("checks-certificate")}</label>
                <div id="file-hint" class="hint">{i18n.t_with("checks-certificate-hint", &limits)}</div>
                {error_line("file-error", file_error.clone())}
                <input class="file-input" type="file" id=CERTIFICATE_FIELD name=CERTIFICATE_FIELD
                    accept="application/pdf,image/png,image/jpeg"
                    aria-describedby=if file_error.is_some() { "file-hint file-error" } else { "file-hint" }
                    aria-invalid=file_error.is_some().then_some("true")/>
            </div>
            <button class="button" type="submit">{i18n.t("checks-record")}</button>
        </form>
    }
}
