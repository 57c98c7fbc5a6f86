//! Every address the path table (`app::paths`) builds for a form or a file is one the router
//! serves: a stranger posting a form or asking for a file is sent to sign in, where an address
//! nobody routes would answer 404 or 405. (The pages' own addresses are checked against the
//! Leptos routes by a unit test of `server::router`.)

use app::model::after_connection::ChangePart;
use app::model::{BusinessId, RequestId, SiteId, WizardStep};
use app::paths::*;
use reqwest::header::LOCATION;

use crate::support::{get, post, spawn_app};

#[tokio::test]
async fn every_form_and_file_address_the_portal_builds_is_routed() {
    let app = spawn_app().await;
    let stranger = app.browser();
    let (business, request, site) = (
        &BusinessId::new("b1"),
        &RequestId::new("r1"),
        &SiteId::new("s1"),
    );
    let forms = [
        NEW_BUSINESS.to_owned(),
        business_invitation_path(business),
        invitation_path("t1"),
        certification_code_path(business),
        new_request_path(business),
        request_path(business, request),
        step_path(business, request, WizardStep::Site),
        step_path(business, request, WizardStep::Documents),
        delete_path(business, request),
        remove_document_path(business, request, "d1"),
        report_change_path(business, site, ChangePart::Contacts),
        record_check_path(business, site),
        agent_case_action_path(AGENT_CASE_TAKE, request),
        agent_case_action_path(AGENT_CASE_QUESTION, request),
        agent_case_action_path(AGENT_CASE_DECISION, request),
        agent_case_action_path(AGENT_CASE_LETTER, request),
        agent_case_action_path(AGENT_CASE_POSTED, request),
        false_alerts_path(site),
        connection_day_path(site),
        fee_contest_path(business, site, "a1"),
        agent_fee_decision_path(site, "a1"),
        AGENT_PRICE_INDEX.to_owned(),
        change_decision_path(site, "c1"),
    ];
    for address in forms {
        let answer = post(&app, &stranger, &address, &[]).await;
        assert_sent_to_sign_in(&address, &answer);
    }
    let files = [
        EXPORT.to_owned(),
        document_path(business, request, "d1"),
        receipt_path(business, request),
        certificate_path(business, site, "k1"),
        agent_document_path(request, "d1"),
        agent_certificate_path(site, "k1"),
        fill(AGENT_TRAIL, &[]),
        agent_case_action_path(AGENT_CASE_TRAIL, request),
    ];
    for address in files {
        let answer = get(&stranger, app.url(&address)).await;
        assert_sent_to_sign_in(&address, &answer);
    }
}

fn assert_sent_to_sign_in(address: &str, answer: &reqwest::Response) {
    let location = answer
        .headers()
        .get(LOCATION)
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default();
    assert!(
        answer.status().is_redirection() && location.starts_with(SIGN_IN),
        "{address}: {} {location:?}",
        answer.status()
    );
}
