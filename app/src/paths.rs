//! Every address of the portal, spelled once: each as a pattern (axum's syntax, `{id}`) that the
//! server's router serves, and builders that fill it in for links, forms, redirects and mails.
//!
//! Leptos' `path!` needs its pattern as a literal, so the pages' routes (`crate::App`) spell
//! theirs again with `:id`; the server's tests check that the two lists agree
//! ([`PAGES`]), and that every builder's address is served.

use crate::model::after_connection::ChangePart;
use crate::model::{BusinessId, RequestId, SiteId, WizardStep};

// The applicant's pages and forms.
pub const HOME: &str = "/";
pub const PRIVATE_ESPACE: &str = "/espace";
pub const EXPORT: &str = "/espace/mes-donnees.zip";
pub const NEW_BUSINESS: &str = "/espace/entreprises/nouvelle";
pub const BUSINESS: &str = "/espace/entreprises/{id}";
pub const BUSINESS_INVITATION: &str = "/espace/entreprises/{id}/invitation";
pub const INVITATION: &str = "/espace/invitations/{token}";
pub const CERTIFICATION_CODE: &str = "/espace/entreprises/{id}/certification";
pub const INBOX: &str = "/espace/entreprises/{id}/messages";
pub const NEW_REQUEST: &str = "/espace/entreprises/{id}/demandes";
pub const REQUEST: &str = "/espace/entreprises/{id}/demandes/{request}";
pub const REQUEST_DELETE: &str = "/espace/entreprises/{id}/demandes/{request}/supprimer";
pub const REQUEST_STEP: &str = "/espace/entreprises/{id}/demandes/{request}/{step}";
pub const DOCUMENT: &str = "/espace/entreprises/{id}/demandes/{request}/pieces/{document}";
pub const DOCUMENT_REMOVE: &str =
    "/espace/entreprises/{id}/demandes/{request}/pieces/{document}/supprimer";
pub const RECEIPT: &str = "/espace/entreprises/{id}/demandes/{request}/recepisse.pdf";
pub const SITE: &str = "/espace/entreprises/{id}/sites/{site}";
pub const SITE_CHECKS: &str = "/espace/entreprises/{id}/sites/{site}/controles";
pub const SITE_CERTIFICATE: &str = "/espace/entreprises/{id}/sites/{site}/controles/{check}";
pub const SITE_CHANGE: &str = "/espace/entreprises/{id}/sites/{site}/changement/{part}";
pub const SITE_FEE_CONTEST: &str =
    "/espace/entreprises/{id}/sites/{site}/fausses-alertes/{alert}/contestation";

// The Police's pages and forms.
pub const AGENT: &str = "/agent";
pub const AGENT_TRAIL: &str = "/agent/journal.csv";
pub const AGENT_CASE: &str = "/agent/demandes/{request}";
pub const AGENT_CASE_TRAIL: &str = "/agent/demandes/{request}/journal.csv";
pub const AGENT_CASE_TAKE: &str = "/agent/demandes/{request}/prise";
pub const AGENT_CASE_QUESTION: &str = "/agent/demandes/{request}/question";
pub const AGENT_CASE_DECISION: &str = "/agent/demandes/{request}/decision";
pub const AGENT_CASE_LETTER: &str = "/agent/demandes/{request}/lettre";
pub const AGENT_CASE_POSTED: &str = "/agent/demandes/{request}/envoi";
pub const AGENT_DOCUMENT: &str = "/agent/demandes/{request}/pieces/{document}";
pub const AGENT_SITES: &str = "/agent/sites";
/// Where an agent enters a value of the weighted cost-of-living index (the sites' page).
pub const AGENT_PRICE_INDEX: &str = "/agent/sites/indice";
pub const AGENT_SITE: &str = "/agent/sites/{site}";
pub const AGENT_SITE_CHANGE: &str = "/agent/sites/{site}/changements/{change}";
pub const AGENT_SITE_FALSE_ALERTS: &str = "/agent/sites/{site}/fausses-alertes";
pub const AGENT_SITE_CONNECTION: &str = "/agent/sites/{site}/raccordement";
pub const AGENT_SITE_FEE_DECISION: &str = "/agent/sites/{site}/fausses-alertes/{alert}/decision";
pub const AGENT_SITE_CERTIFICATE: &str = "/agent/sites/{site}/controles/{check}";

// Sign-in, languages, statements, and what the portal itself needs.
pub const SIGN_IN: &str = "/auth/login";
pub const SIGN_IN_CALLBACK: &str = "/auth/callback";
pub const SIGN_OUT: &str = "/auth/logout";
pub const SIGN_IN_FAILURE: &str = "/connexion/echec";
pub const LANGUAGE: &str = "/language/{code}";
pub const TOO_MANY_ATTEMPTS: &str = "/trop-de-tentatives";
pub const ACCESSIBILITY: &str = "/accessibilite";
pub const PRIVACY: &str = "/protection-des-donnees";
/// The printable sheet of obligations once connected (a PDF in the reader's language).
pub const OBLIGATIONS_SHEET: &str = "/obligations.pdf";
pub const HEALTH: &str = "/healthz";
pub const METRICS: &str = "/metrics";
pub const DEV_IDP: &str = "/dev-idp";
pub const TEST_CLOCK: &str = "/dev/horloge";

/// The addresses that are pages (the Leptos routes), in the order `crate::App` lists them. A
/// plain form refused by the server comes back at the address it posted to, showing its page,
/// so most form addresses are pages too.
pub const PAGES: &[&str] = &[
    HOME,
    PRIVATE_ESPACE,
    NEW_BUSINESS,
    BUSINESS,
    CERTIFICATION_CODE,
    NEW_REQUEST,
    INBOX,
    REQUEST,
    REQUEST_DELETE,
    REQUEST_STEP,
    SITE,
    SITE_CHECKS,
    SITE_CHANGE,
    SITE_FEE_CONTEST,
    INVITATION,
    AGENT,
    AGENT_SITES,
    AGENT_PRICE_INDEX,
    AGENT_SITE,
    AGENT_SITE_CHANGE,
    AGENT_SITE_FALSE_ALERTS,
    AGENT_SITE_CONNECTION,
    AGENT_SITE_FEE_DECISION,
    AGENT_CASE,
    AGENT_CASE_TAKE,
    AGENT_CASE_QUESTION,
    AGENT_CASE_DECISION,
    AGENT_CASE_LETTER,
    AGENT_CASE_POSTED,
    SIGN_IN_FAILURE,
    TOO_MANY_ATTEMPTS,
    ACCESSIBILITY,
    PRIVACY,
];

/// `pattern` with its `{…}` parameters replaced by `values`, in order.
pub fn fill(pattern: &str, values: &[&str]) -> String {
    let mut address = String::with_capacity(pattern.len() + 40);
    let mut values = values.iter();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        address.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |end| start + end + 1);
        address.push_str(values.next().copied().unwrap_or_default());
        rest = &rest[end..];
    }
    address.push_str(rest);
    address
}

pub fn business_path(id: &BusinessId) -> String {
    fill(BUSINESS, &[id.as_str()])
}

/// Where an administrator's "invite" form posts (without JavaScript).
pub fn business_invitation_path(id: &BusinessId) -> String {
    fill(BUSINESS_INVITATION, &[id.as_str()])
}

pub fn invitation_path(token: &str) -> String {
    fill(INVITATION, &[token])
}

/// Where the certification code from the letter is typed.
pub fn certification_code_path(business_id: &BusinessId) -> String {
    fill(CERTIFICATION_CODE, &[business_id.as_str()])
}

pub fn inbox_path(business_id: &BusinessId) -> String {
    fill(INBOX, &[business_id.as_str()])
}

/// Where the "start a request" form posts (without JavaScript).
pub fn new_request_path(business_id: &BusinessId) -> String {
    fill(NEW_REQUEST, &[business_id.as_str()])
}

/// A request's own page: where to resume a draft, or the confirmation of a submitted one.
pub fn request_path(business_id: &BusinessId, request_id: &RequestId) -> String {
    fill(REQUEST, &[business_id.as_str(), request_id.as_str()])
}

pub fn step_path(business_id: &BusinessId, request_id: &RequestId, step: WizardStep) -> String {
    fill(
        REQUEST_STEP,
        &[business_id.as_str(), request_id.as_str(), step.slug()],
    )
}

pub fn delete_path(business_id: &BusinessId, request_id: &RequestId) -> String {
    fill(REQUEST_DELETE, &[business_id.as_str(), request_id.as_str()])
}

/// An uploaded document, to download.
pub fn document_path(
    business_id: &BusinessId,
    request_id: &RequestId,
    document_id: &str,
) -> String {
    fill(
        DOCUMENT,
        &[business_id.as_str(), request_id.as_str(), document_id],
    )
}

pub fn remove_document_path(
    business_id: &BusinessId,
    request_id: &RequestId,
    document_id: &str,
) -> String {
    fill(
        DOCUMENT_REMOVE,
        &[business_id.as_str(), request_id.as_str(), document_id],
    )
}

pub fn receipt_path(business_id: &BusinessId, request_id: &RequestId) -> String {
    fill(RECEIPT, &[business_id.as_str(), request_id.as_str()])
}

pub fn site_path(business_id: &BusinessId, site_id: &SiteId) -> String {
    fill(SITE, &[business_id.as_str(), site_id.as_str()])
}

/// The change report's form, and where it posts.
pub fn report_change_path(business_id: &BusinessId, site_id: &SiteId, part: ChangePart) -> String {
    fill(
        SITE_CHANGE,
        &[business_id.as_str(), site_id.as_str(), part.slug()],
    )
}

/// Where the record of a maintenance or test posts.
pub fn record_check_path(business_id: &BusinessId, site_id: &SiteId) -> String {
    fill(SITE_CHECKS, &[business_id.as_str(), site_id.as_str()])
}

/// A recorded check's certificate, for the eSpace's members.
pub fn certificate_path(business_id: &BusinessId, site_id: &SiteId, check_id: &str) -> String {
    fill(
        SITE_CERTIFICATE,
        &[business_id.as_str(), site_id.as_str(), check_id],
    )
}

pub fn agent_case_path(request_id: &RequestId) -> String {
    fill(AGENT_CASE, &[request_id.as_str()])
}

/// A case's action: `AGENT_CASE_TAKE`, `…_QUESTION`, `…_DECISION`, `…_LETTER`, `…_POSTED`
/// or `…_TRAIL`.
pub fn agent_case_action_path(action: &str, request_id: &RequestId) -> String {
    fill(action, &[request_id.as_str()])
}

/// A case's document, for an agent.
pub fn agent_document_path(request_id: &RequestId, document_id: &str) -> String {
    fill(AGENT_DOCUMENT, &[request_id.as_str(), document_id])
}

pub fn agent_site_path(site_id: &SiteId) -> String {
    fill(AGENT_SITE, &[site_id.as_str()])
}

/// Where an agent records a false alert.
pub fn false_alerts_path(site_id: &SiteId) -> String {
    fill(AGENT_SITE_FALSE_ALERTS, &[site_id.as_str()])
}

/// A false alert's fee: the beneficiary's form contesting it, and where it posts.
pub fn fee_contest_path(business_id: &BusinessId, site_id: &SiteId, alert_id: &str) -> String {
    fill(
        SITE_FEE_CONTEST,
        &[business_id.as_str(), site_id.as_str(), alert_id],
    )
}

/// A contested fee: the agent's form deciding it, and where it posts.
pub fn agent_fee_decision_path(site_id: &SiteId, alert_id: &str) -> String {
    fill(AGENT_SITE_FEE_DECISION, &[site_id.as_str(), alert_id])
}

/// Where an agent records the day a site's line was connected.
pub fn connection_day_path(site_id: &SiteId) -> String {
    fill(AGENT_SITE_CONNECTION, &[site_id.as_str()])
}

/// A recorded check's certificate, for an agent.
pub fn agent_certificate_path(site_id: &SiteId, check_id: &str) -> String {
    fill(AGENT_SITE_CERTIFICATE, &[site_id.as_str(), check_id])
}

/// Where an agent's decision on a change report posts.
pub fn change_decision_path(site_id: &SiteId, change_id: &str) -> String {
    fill(AGENT_SITE_CHANGE, &[site_id.as_str(), change_id])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_filled_in_order() {
        assert_eq!(
            step_path(
                &BusinessId::new("b1"),
                &RequestId::new("r2"),
                WizardStep::Site
            ),
            format!(
                "/espace/entreprises/b1/demandes/r2/{}",
                WizardStep::Site.slug()
            )
        );
        assert_eq!(
            remove_document_path(&BusinessId::new("b"), &RequestId::new("r"), "d"),
            "/espace/entreprises/b/demandes/r/pieces/d/supprimer"
        );
        assert_eq!(fill(AGENT_TRAIL, &[]), "/agent/journal.csv");
        assert_eq!(
            agent_case_action_path(AGENT_CASE_POSTED, &RequestId::new("r9")),
            "/agent/demandes/r9/envoi"
        );
    }
}
