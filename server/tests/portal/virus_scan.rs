//! Uploads scanned by ClamAV's `clamd` when `ALARMIS_CLAMD` is set: a clean file is kept, an
//! infected one is refused with its message and never stored, and with clamd gone nothing is
//! kept unscanned.

use crate::support::clamd::{Clamd, EICAR};
use crate::support::connection::{answers, PDF};
use crate::support::{
    create_business, database, get, location, post, sign_in, spawn_app_with, MARIE,
};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;

async fn upload(
    app: &crate::support::TestApp,
    browser: &reqwest::Client,
    page: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = Form::new()
        .text("kind", "building-plan")
        .part("file", Part::bytes(bytes).file_name(name.to_owned()));
    browser
        .post(app.url(&format!("{page}/documents")))
        .header("accept-language", "fr")
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

/// How many documents the request has, and how many files the store holds.
async fn kept(app: &crate::support::TestApp, request_id: &str) -> (i64, usize) {
    let db = database(app).await;
    let rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM request_documents WHERE request_id = $1")
            .bind(request_id)
            .fetch_one(&db)
            .await
            .expect("a count");
    db.close().await;
    let folder = app
        .data_dir
        .path()
        .join("documents/requests")
        .join(request_id);
    let files = std::fs::read_dir(folder).map_or(0, |entries| entries.count());
    (rows, files)
}

#[tokio::test]
async fn an_infected_file_is_refused_and_never_stored() {
    let clamd = Clamd::start().await;
    let url = clamd.url();
    let app = spawn_app_with(&[("ALARMIS_DEV_IDP", "on"), ("ALARMIS_CLAMD", url.as_str())]).await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let business = create_business(&app, &marie, "Bijouterie Schmit").await;
    let started = post(&app, &marie, &format!("{business}/demandes"), &[]).await;
    let page = location(&started).trim_end_matches("/demandeur").to_owned();
    let request_id = page.rsplit('/').next().expect("an id").to_owned();
    for slug in ["demandeur", "site", "systeme", "contacts", "motivation"] {
        let saved = post(&app, &marie, &format!("{page}/{slug}"), &answers(slug)).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{slug}");
    }

    let clean = upload(&app, &marie, &page, "plan.pdf", PDF.to_vec()).await;
    assert_eq!(
        clean.status(),
        StatusCode::SEE_OTHER,
        "a clean file is kept"
    );
    assert_eq!(kept(&app, &request_id).await, (1, 1));

    // A real PDF header (the type check passes) with the test virus inside.
    let mut infected = PDF.to_vec();
    infected.extend_from_slice(EICAR);
    let refused = upload(&app, &marie, &page, "facture.pdf", infected).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("the page");
    assert!(html.contains("contient un virus"), "{html}");
    assert!(html.contains("plan.pdf"), "the clean file is still listed");
    assert!(!html.contains("facture.pdf"));
    assert_eq!(kept(&app, &request_id).await, (1, 1), "nothing more stored");

    let metrics = get(&app.client, app.url("/metrics"))
        .await
        .text()
        .await
        .expect("metrics");
    assert!(
        metrics.contains("alarmis_uploads_scanned_total{verdict=\"clean\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("alarmis_uploads_scanned_total{verdict=\"infected\"} 1"));

    // clamd gone: the file is not kept unscanned, and the person is told to try again.
    drop(clamd);
    let unscanned = upload(&app, &marie, &page, "certificat.pdf", PDF.to_vec()).await;
    assert_eq!(unscanned.status(), StatusCode::SERVICE_UNAVAILABLE);
    let html = unscanned.text().await.expect("the page");
    assert!(html.contains("Réessayez dans quelques minutes"), "{html}");
    assert_eq!(kept(&app, &request_id).await, (1, 1));
}
