//! The connection request wizard through its plain forms, as a browser without JavaScript uses
//! it: every step, bad answers, documents, submission, and the ways a crafted request could try
//! to get around the order or someone else's draft.

use crate::support::connection::{answers, EXE, PDF, PNG};
use crate::support::*;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;

struct Draft {
    /// `/espace/entreprises/{id}/demandes/{request}`.
    base: String,
}

impl Draft {
    fn step(&self, slug: &str) -> String {
        format!("{}/{slug}", self.base)
    }
}

/// A signed-in applicant with a business eSpace and a new draft.
async fn new_draft(app: &TestApp, browser: &reqwest::Client, subject: &str) -> Draft {
    sign_in(app, browser, subject).await;
    let business = create_business(app, browser, "Bijouterie Schmit").await;
    let started = browser
        .post(app.url(&format!("{business}/demandes")))
        .send()
        .await
        .expect("start");
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let first = location(&started);
    assert!(first.ends_with("/demandeur"), "{first}");
    Draft {
        base: first.trim_end_matches("/demandeur").to_owned(),
    }
}

async fn save(app: &TestApp, browser: &reqwest::Client, draft: &Draft, slug: &str) -> String {
    let response = post(app, browser, &draft.step(slug), &answers(slug)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{slug} saved");
    location(&response)
}

async fn upload(
    app: &TestApp,
    browser: &reqwest::Client,
    draft: &Draft,
    kind: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = Form::new().text("kind", kind.to_owned()).part(
        "file",
        Part::bytes(bytes)
            .file_name(name.to_owned())
            .mime_str("application/pdf")
            .expect("mime"),
    );
    browser
        .post(app.url(&draft.step("documents")))
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

async fn html(browser: &reqwest::Client, app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = get(browser, app.url(path)).await;
    let status = response.status();
    (status, response.text().await.expect("html"))
}

/// Every step up to the documents.
async fn answer_until_documents(app: &TestApp, browser: &reqwest::Client, draft: &Draft) {
    for slug in ["demandeur", "site", "systeme", "contacts", "motivation"] {
        save(app, browser, draft, slug).await;
    }
}

#[tokio::test]
async fn the_whole_wizard_without_javascript_gives_a_reference_and_a_receipt() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    let draft = new_draft(&app, &marie, MARIE).await;
    let mut next = String::new();
    for slug in ["demandeur", "site", "systeme", "contacts", "motivation"] {
        next = save(&app, &marie, &draft, slug).await;
    }
    assert_eq!(next, draft.step("documents"));
    let refused = post(&app, &marie, &draft.step("documents"), &[]).await;
    assert_eq!(
        refused.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "documents still missing"
    );
    for (kind, name, bytes) in [
        ("building-plan", "plan.pdf", PDF),
        ("conformity-certificate", "certificat.png", PNG),
    ] {
        let uploaded = upload(&app, &marie, &draft, kind, name, bytes.to_vec()).await;
        assert_eq!(uploaded.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let (_, page) = html(&marie, &app, &draft.step("documents")).await;
    assert!(page.contains("plan.pdf") && page.contains("certificat.png"));
    assert_eq!(
        post(&app, &marie, &draft.step("documents"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        save(&app, &marie, &draft, "obligations").await,
        draft.step("recapitulatif")
    );

    let (status, review) = html(&marie, &app, &draft.step("recapitulatif")).await;
    assert_eq!(status, StatusCode::OK);
    for shown in [
        "L-1660",
        "10012345/1",
        "+352691000111",
        "Bijouterie exposée",
        "plan.pdf",
    ] {
        assert!(review.contains(shown), "the review shows {shown}");
    }
    // A double click: two posts of the review's form.
    let first = post(&app, &marie, &draft.step("recapitulatif"), &[]).await;
    let second = post(&app, &marie, &draft.step("recapitulatif"), &[]).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert_eq!(second.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&first), draft.base);
    let (_, confirmation) = html(&marie, &app, &draft.base).await;
    let year = chrono_year();
    let reference = format!("ALR-{year}-000001");
    assert!(
        confirmation.contains(&reference),
        "one reference: {reference}"
    );

    let receipt = get(&marie, app.url(&format!("{}/recepisse.pdf", draft.base))).await;
    assert_eq!(receipt.status(), StatusCode::OK);
    assert_eq!(receipt.headers()["content-type"], "application/pdf");
    let bytes = receipt.bytes().await.expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let text = shown_text(&bytes);
    assert!(text.contains(&reference), "the receipt names its reference");
    assert!(
        text.contains(&sha256_hex(PDF)),
        "and each document's SHA-256"
    );

    // One request, submitted once; nothing can change it any more.
    let business = draft
        .base
        .split("/demandes/")
        .next()
        .expect("business path");
    let (_, space) = html(&marie, &app, business).await;
    assert_eq!(
        space.matches(&format!("href=\"{}\"", draft.base)).count(),
        1,
        "one line"
    );
    assert!(space.contains(&reference) && !space.contains("Brouillon"));
    let late = post(
        &app,
        &marie,
        &draft.step("motivation"),
        &answers("motivation"),
    )
    .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let late_upload = upload(&app, &marie, &draft, "other", "late.pdf", PDF.to_vec()).await;
    assert_eq!(
        late_upload.status(),
        StatusCode::SEE_OTHER,
        "sent to the submitted request's page"
    );
    let (_, confirmation) = html(&marie, &app, &draft.base).await;
    assert!(!confirmation.contains("late.pdf"));
}

fn chrono_year() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    // 365.2425 days a year since 1970 is exact enough away from New Year's Eve.
    (1970 + (now as f64 / 31_556_952.0) as u64).to_string()
}

/// The text a PDF shows with `Tj`, literal `(...)` or hex `<...>` strings, as Latin-1: enough
/// to read the receipt's uncompressed, single-byte-font pages.
fn sha256_hex(bytes: &[u8]) -> String {
    alarmis_server::store::requests::sha256_hex(bytes)
}

#[tokio::test]
async fn a_bad_answer_comes_back_with_its_message_and_every_typed_value() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    let draft = new_draft(&app, &marie, MARIE).await;
    save(&app, &marie, &draft, "demandeur").await;
    let mut site = answers("site");
    site.retain(|(k, _)| *k != "site_postcode");
    site.push(("site_postcode", "L-12"));
    site.retain(|(k, _)| *k != "owner_name");
    let response = post(&app, &marie, &draft.step("site"), &site).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("html");
    assert!(page.contains("Erreur"), "the title says so");
    assert!(page.contains("href=\"#site_postcode\"") && page.contains("href=\"#owner_name\""));
    for typed in [
        "L-12",
        "Grand-Rue",
        "12A",
        "3, rue du Fort, L-2419 Luxembourg",
    ] {
        assert!(
            page.contains(&format!("value=\"{}\"", typed.replace('\'', "&#x27;")))
                || page.contains(typed),
            "{typed} kept"
        );
    }
    // Nothing invalid was saved: the step is still the one to resume at.
    let (_, resume) = html(&marie, &app, &draft.step("systeme")).await;
    assert!(
        resume.contains(&draft.step("site")),
        "system is not reachable yet"
    );
}

#[tokio::test]
async fn a_fire_alarm_and_a_single_contact_person_are_refused_with_their_reasons() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    let draft = new_draft(&app, &marie, MARIE).await;
    save(&app, &marie, &draft, "demandeur").await;
    save(&app, &marie, &draft, "site").await;
    let mut fire = answers("systeme");
    fire.push(("alarm_fire", "on"));
    let response = post(&app, &marie, &draft.step("systeme"), &fire).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.expect("html").contains("CGDIS"));
    save(&app, &marie, &draft, "systeme").await;
    let mut one = answers("contacts");
    one.retain(|(k, _)| k.starts_with("contact1_"));
    let response = post(&app, &marie, &draft.step("contacts"), &one).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("html");
    assert!(
        page.contains("au moins deux personnes de contact"),
        "explains why two"
    );
    assert!(
        page.contains("value=\"Schmit\""),
        "the first person is kept"
    );
}

#[tokio::test]
async fn a_crafted_post_cannot_skip_a_step_or_submit_early() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    let draft = new_draft(&app, &marie, MARIE).await;
    save(&app, &marie, &draft, "demandeur").await;
    let skipped = post(&app, &marie, &draft.step("contacts"), &answers("contacts")).await;
    assert_eq!(skipped.status(), StatusCode::CONFLICT);
    assert!(skipped
        .text()
        .await
        .expect("html")
        .contains("étapes précédentes"));
    let early = post(&app, &marie, &draft.step("recapitulatif"), &[]).await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    let unknown = post(&app, &marie, &draft.step("approuver"), &[]).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    // The same through the server function.
    let id = draft.base.rsplit('/').next().expect("id");
    let business = draft.base.split('/').nth(3).expect("business id");
    let call = marie
        .post(app.url("/api/save_request_step"))
        .json(&serde_json::json!({
            "business_id": business, "request_id": id, "step": "contacts",
            "values": {}, "back_to_review": false
        }))
        .send()
        .await
        .expect("server function");
    assert_eq!(call.status(), StatusCode::CONFLICT);
    let call = marie
        .post(app.url("/api/submit_request"))
        .form(&[("business_id", business), ("request_id", id)])
        .send()
        .await
        .expect("server function");
    assert_eq!(call.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn another_persons_draft_is_not_found_whatever_the_route() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    let draft = new_draft(&app, &marie, MARIE).await;
    save(&app, &marie, &draft, "demandeur").await;
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    let (status, page) = html(&luc, &app, &draft.step("site")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!page.contains("Bijouterie"));
    assert_eq!(
        post(&app, &luc, &draft.step("site"), &answers("site"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        upload(
            &app,
            &luc,
            &draft,
            "building-plan",
            "plan.pdf",
            PDF.to_vec()
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&app, &luc, &format!("{}/supprimer", draft.base), &[])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&app, &luc, &draft.step("recapitulatif"), &[])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let business = draft.base.split('/').nth(3).expect("business id");
    let started = luc
        .post(app.url(&format!("/espace/entreprises/{business}/demandes")))
        .send()
        .await
        .expect("start");
    assert_eq!(started.status(), StatusCode::NOT_FOUND);
    // Marie's draft is as she left it.
    let (status, _) = html(&marie, &app, &draft.step("site")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn files_are_checked_by_content_and_size_and_a_refusal_keeps_the_rest() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    let draft = new_draft(&app, &marie, MARIE).await;
    answer_until_documents(&app, &marie, &draft).await;
    let ok = upload(
        &app,
        &marie,
        &draft,
        "building-plan",
        "plan.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);

    let exe = upload(
        &app,
        &marie,
        &draft,
        "conformity-certificate",
        "certificat.pdf",
        EXE.to_vec(),
    )
    .await;
    assert_eq!(exe.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let page = exe.text().await.expect("html");
    assert!(page.contains("PDF, PNG ou JPEG"), "says what is accepted");
    assert!(
        page.contains("plan.pdf"),
        "the uploaded plan is still listed"
    );

    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let oversize = upload(
        &app,
        &marie,
        &draft,
        "conformity-certificate",
        "gros.pdf",
        big,
    )
    .await;
    assert_eq!(oversize.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(oversize.text().await.expect("html").contains("10 Mo"));

    let no_file = Form::new().text("kind", "other");
    let response = marie
        .post(app.url(&draft.step("documents")))
        .multipart(no_file)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let (_, page) = html(&marie, &app, &draft.step("documents")).await;
    assert!(
        page.contains("plan.pdf") && !page.contains("certificat.pdf") && !page.contains("gros.pdf")
    );
    // The answers of the earlier steps are all still there.
    let (_, motivation) = html(&marie, &app, &draft.step("motivation")).await;
    assert!(motivation.contains("Bijouterie exposée"));
}

#[tokio::test]
async fn documents_are_downloaded_as_uploaded_and_removed_by_their_owner() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    let draft = new_draft(&app, &marie, MARIE).await;
    answer_until_documents(&app, &marie, &draft).await;
    upload(
        &app,
        &marie,
        &draft,
        "building-plan",
        "plan d'étage.pdf",
        PDF.to_vec(),
    )
    .await;
    let (_, page) = html(&marie, &app, &draft.step("documents")).await;
    let marker = format!("{}/pieces/", draft.base);
    let start = page.find(&marker).expect("a download link") + marker.len();
    let id: String = page[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit() || *c == '-')
        .collect();
    let download = get(&marie, app.url(&format!("{marker}{id}"))).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert!(download.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .starts_with("attachment"));
    assert_eq!(download.bytes().await.expect("bytes").as_ref(), PDF);

    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    assert_eq!(
        get(&luc, app.url(&format!("{marker}{id}"))).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&app, &luc, &format!("{marker}{id}/supprimer"), &[])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    let removed = post(&app, &marie, &format!("{marker}{id}/supprimer"), &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        get(&marie, app.url(&format!("{marker}{id}")))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_draft_survives_a_restart_and_is_resumed_at_its_first_incomplete_step() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    let draft = new_draft(&app, &marie, MARIE).await;
    save(&app, &marie, &draft, "demandeur").await;
    save(&app, &marie, &draft, "site").await;
    let again = restart(&app).await;
    let (status, page) = html(&marie, &again, &draft.step("site")).await;
    assert_eq!(status, StatusCode::OK, "the session is in the database too");
    assert!(page.contains("Immobilière du Centre SA"));
    let business = draft
        .base
        .split("/demandes/")
        .next()
        .expect("business path");
    let (_, space) = html(&marie, &again, business).await;
    assert!(
        space.contains(&draft.step("systeme")),
        "continue at the first incomplete step"
    );
    // Deleting the draft removes it from the list.
    let deleted = post(&again, &marie, &format!("{}/supprimer", draft.base), &[]).await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    let (status, _) = html(&marie, &again, &draft.base).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn submissions_at_the_same_moment_each_get_their_own_reference() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let business = create_business(&app, &marie, "Bijouterie Schmit").await;
    // More submissions at once than the pool has connections (8): each must finish on the
    // connection it started with, or they wait on each other until the pool gives up.
    let mut drafts = Vec::new();
    for _ in 0..12 {
        drafts.push(crate::support::connection::complete_draft(&app, &marie, &business).await);
    }
    let started = std::time::Instant::now();
    let reviews: Vec<String> = drafts
        .iter()
        .map(|page| format!("{page}/recapitulatif"))
        .collect();
    let answered =
        futures::future::join_all(reviews.iter().map(|path| post(&app, &marie, path, &[]))).await;
    assert!(
        started.elapsed() < std::time::Duration::from_secs(4),
        "took {:?}",
        started.elapsed()
    );
    for response in &answered {
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let db = database(&app).await;
    let mut numbers: Vec<String> = sqlx::query_scalar(
        "SELECT reference FROM requests WHERE business_id = $1 AND reference IS NOT NULL",
    )
    .bind(business.rsplit('/').next().expect("an id"))
    .fetch_all(&db)
    .await
    .expect("references");
    db.close().await;
    numbers.sort();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        12,
        "twelve different references: {numbers:?}"
    );
}
