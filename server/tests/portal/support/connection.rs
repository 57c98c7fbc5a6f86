//! A connection request (procedure B) as a browser without JavaScript fills it in: the
//! answers of every step and sample files, shared by the wizard's and the back office's tests.

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;

use super::{create_business, location, post, TestApp};

/// A tiny valid PDF and PNG (their first bytes are what the portal checks).
pub const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";
/// A Windows executable's first bytes, under a `.pdf` name.
pub const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0\0\0\0\0\0\0";

pub fn answers(slug: &str) -> Vec<(&'static str, &'static str)> {
    match slug {
        "demandeur" => vec![
            ("capacity", "Gérante"),
            ("representative_phone", "621 123 456"),
        ],
        "site" => vec![
            ("site_street", "Grand-Rue"),
            ("site_house_number", "12A"),
            ("site_postcode", "1660"),
            ("site_locality", "Luxembourg"),
            ("premises", "jeweller"),
            ("owner_name", "Immobilière du Centre SA"),
            ("owner_domicile", "3, rue du Fort, L-2419 Luxembourg"),
        ],
        "systeme" => vec![
            ("alarm_passive", "on"),
            ("installer_company", "Sécurité Moselle SARL"),
            ("installer_trade", "alarm-installer"),
            ("installer_authorisation", "10012345/1"),
            ("certificate_date", "2026-10-01"),
            ("post_request", "yes"),
            ("post_reference", "POST-ALM-4471"),
        ],
        "contacts" => vec![
            ("contact1_family_name", "Schmit"),
            ("contact1_given_name", "Anne"),
            ("contact1_domicile", "5, rue Large, L-1917 Luxembourg"),
            ("contact1_phone", "+352 691 000 111"),
            ("contact1_consent", "on"),
            ("contact2_family_name", "Weber"),
            ("contact2_given_name", "Paul"),
            ("contact2_domicile", "8, route d'Arlon, L-8009 Strassen"),
            ("contact2_phone", "+352 691 000 222"),
            ("contact2_consent", "on"),
        ],
        "motivation" => vec![(
            "motivation",
            "Bijouterie exposée, deux tentatives d'effraction.",
        )],
        "obligations" => vec![
            ("obligation_maintenance", "on"),
            ("obligation_log", "on"),
            ("obligation_inspection", "on"),
            ("obligation_test", "on"),
            ("obligation_changes", "on"),
            ("obligation_training", "on"),
            ("obligation_false_alerts", "on"),
        ],
        _ => vec![],
    }
}

/// A submitted connection request.
pub struct SubmittedRequest {
    /// `/espace/entreprises/{id}`.
    pub business: String,
    /// `/espace/entreprises/{id}/demandes/{request}`.
    pub page: String,
    pub request_id: String,
}

/// Creates an eSpace for the signed-in `browser`, fills every step, uploads the two required
/// documents and submits.
pub async fn submit_connection(
    app: &TestApp,
    browser: &reqwest::Client,
    company: &str,
) -> SubmittedRequest {
    let business = create_business(app, browser, company).await;
    let page = complete_draft(app, browser, &business).await;
    let submitted = post(app, browser, &format!("{page}/recapitulatif"), &[]).await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER, "submitted");
    SubmittedRequest {
        request_id: page.rsplit('/').next().expect("an id").to_owned(),
        business,
        page,
    }
}

/// A new connection request in `business` with every step answered and both documents
/// uploaded, ready to submit; its address (`/espace/entreprises/{id}/demandes/{request}`).
pub async fn complete_draft(app: &TestApp, browser: &reqwest::Client, business: &str) -> String {
    let started = post(app, browser, &format!("{business}/demandes"), &[]).await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let page = location(&started).trim_end_matches("/demandeur").to_owned();
    for slug in ["demandeur", "site", "systeme", "contacts", "motivation"] {
        let saved = post(app, browser, &format!("{page}/{slug}"), &answers(slug)).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{slug}");
    }
    for (kind, name, bytes) in [
        ("building-plan", "plan.pdf", PDF),
        ("conformity-certificate", "certificat.png", PNG),
    ] {
        let form = Form::new().text("kind", kind.to_owned()).part(
            "file",
            Part::bytes(bytes.to_vec()).file_name(name.to_owned()),
        );
        let uploaded = browser
            .post(app.url(&format!("{page}/documents")))
            .multipart(form)
            .send()
            .await
            .expect("upload");
        assert_eq!(uploaded.status(), StatusCode::SEE_OTHER, "{name}");
    }
    for slug in ["documents", "obligations"] {
        let saved = post(app, browser, &format!("{page}/{slug}"), &answers(slug)).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{slug}");
    }
    page
}
