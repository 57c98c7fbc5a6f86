//! A connected site's information as it is now: the client number, the site and its owner, the
//! alarm system with its installer and alarm centre, the contact persons. Shared by the
//! applicant's page and the agents'.

use leptos::prelude::*;

use crate::components::wizard::{ReviewRow, ReviewSection};
use crate::i18n::{use_i18n, I18n};
use crate::model::after_connection::{ChangePart, ConnectedSite, SiteChange};
use crate::model::WizardStep;
use crate::pages::request::{answer_rows, value_rows};

#[component]
pub fn SiteDetails(site: ConnectedSite) -> impl IntoView {
    let i18n = use_i18n();
    let facts = [
        (i18n.t("site-client-number"), site.client_number.clone()),
        (
            i18n.t("site-connection"),
            super::connection::connection_text(i18n, site.connection),
        ),
        (
            i18n.t("site-reference"),
            site.request.reference.clone().unwrap_or_default(),
        ),
    ]
    .into_iter()
    .map(|(term, value)| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{term}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    })
    .collect_view();
    let sections = [WizardStep::Site, WizardStep::System, WizardStep::Contacts]
        .into_iter()
        .map(|step| {
            let rows = answer_rows(i18n, &site.request, step);
            view! { <ReviewSection title=i18n.t(&step.title_id()) rows change_href=None/> }
        })
        .collect_view();
    view! {
        <dl class="summary-list" data-testid="site-facts">{facts}</dl>
        <div data-testid="site-details">{sections}</div>
    }
}

/// The rows of a report's new values ("none" for an alarm centre taken away).
pub fn proposed_rows(i18n: I18n, change: &SiteChange) -> Vec<ReviewRow> {
    rows_of(i18n, change.part, &change.proposed)
}

/// The rows of the part as the site has it now.
pub fn current_rows(i18n: I18n, site: &ConnectedSite, part: ChangePart) -> Vec<ReviewRow> {
    let values = site
        .request
        .answers_of(part.step())
        .map(|answers| part.values_in(answers))
        .unwrap_or_default();
    rows_of(i18n, part, &values)
}

fn rows_of(i18n: I18n, part: ChangePart, values: &crate::model::StepValues) -> Vec<ReviewRow> {
    let rows = value_rows(i18n, part.step(), values, Some(part.fields()));
    if rows.is_empty() {
        vec![ReviewRow {
            label: i18n.t(&part.title_id()),
            value: i18n.t("change-none"),
        }]
    } else {
        rows
    }
}
