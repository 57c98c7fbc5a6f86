//! The person's data and how long the portal keeps it: the export (JSON and documents in a
//! zip), drafts deleted after a warning when nobody touches them, refused requests deleted
//! after their retention, and the privacy notice stating the configured periods.

use std::io::Read;

use crate::support::connection::{complete_draft, submit_connection, PDF, PNG};
use crate::support::*;
use reqwest::StatusCode;

async fn move_clock(app: &TestApp, days: i64) {
    let moved = post(
        app,
        &app.browser(),
        "/dev/horloge",
        &[("days", &days.to_string())],
    )
    .await;
    assert_eq!(moved.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_person_downloads_all_their_data_and_documents_and_nobody_elses() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let request = submit_connection(&app, &marie, "Bijouterie Schmit").await;
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    submit_connection(&app, &luc, "Pharmacie Weber").await;

    let anonymous = get(&app.browser(), app.url("/espace/mes-donnees.zip")).await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "sign in first");
    let response = get(&marie, app.url("/espace/mes-donnees.zip")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let bytes = response.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a zip");
    let mut json = String::new();
    zip.by_name("donnees.json")
        .expect("the data")
        .read_to_string(&mut json)
        .unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(data["person"]["family_name"], "Schmit");
    let espaces = data["espaces"].as_array().unwrap();
    assert_eq!(espaces.len(), 1, "Marie's eSpace only");
    assert!(json.contains("Bijouterie Schmit") && !json.contains("Pharmacie Weber"));
    assert!(json.contains(&request.request_id));
    assert!(json.contains("Immobilière du Centre SA"), "the answers");
    // Every document with its bytes, and the receipt.
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let find = |suffix: &str| names.iter().find(|n| n.ends_with(suffix)).cloned();
    let plan = find("plan.pdf").expect("the plan");
    let mut content = Vec::new();
    zip.by_name(&plan)
        .unwrap()
        .read_to_end(&mut content)
        .unwrap();
    assert_eq!(content, PDF);
    let certificate = find("certificat.png").expect("the certificate");
    content.clear();
    zip.by_name(&certificate)
        .unwrap()
        .read_to_end(&mut content)
        .unwrap();
    assert_eq!(content, PNG);
    assert!(
        names.iter().any(|n| n.contains("recepisse-ALR-")),
        "{names:?}"
    );
    assert!(names.iter().all(|n| !n.contains("..")));

    let db = database(&app).await;
    let exported: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'data_exported'")
            .fetch_one(&db)
            .await
            .map(|row| sqlx::Row::get(&row, "n"))
            .unwrap();
    assert_eq!(exported, 1);
    db.close().await;
}

#[tokio::test]
async fn an_untouched_draft_is_deleted_after_a_warning_and_a_change_puts_it_off() {
    let _serial = one_at_a_time().await;
    let app = spawn_app_with(&[
        ("ALARMIS_DEV_IDP", "on"),
        ("ALARMIS_TEST_CLOCK", "on"),
        ("ALARMIS_DRAFT_EXPIRY_DAYS", "30"),
        ("ALARMIS_DRAFT_WARNING_DAYS", "7"),
    ])
    .await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let business = create_business(&app, &marie, "Bijouterie Schmit").await;
    let kept = complete_draft(&app, &marie, &business).await;
    let dropped = complete_draft(&app, &marie, &business).await;
    let inbox = format!("{business}/messages");

    // 22 days on: not yet; 24 days on: both drafts are warned of.
    move_clock(&app, 22).await;
    assert!(!page(&app, &marie, &inbox).await.contains("sera supprimé"));
    move_clock(&app, 2).await;
    let shown = page(&app, &marie, &inbox).await;
    assert_eq!(shown.matches("sera supprimé le").count(), 2, "{shown}");
    assert!(
        shown.contains(&kept) && shown.contains(&dropped),
        "links to the drafts"
    );

    // Marie keeps one: she saves a step on that day. Saving stamps the real clock, which the
    // test clock does not move, so the change is dated as it would be on day 24.
    let saved = post(
        &app,
        &marie,
        &format!("{kept}/motivation"),
        &crate::support::connection::answers("motivation"),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let day_24 = chrono::Utc::now() + chrono::Duration::days(24);
    let db = database(&app).await;
    sqlx::query("UPDATE requests SET updated_at = $1 WHERE id = $2")
        .bind(day_24.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .bind(kept.rsplit('/').next().unwrap())
        .execute(&db)
        .await
        .unwrap();

    // Warned on day 24, it gets its full 7 days (day 31, past its 30): not gone on day 30.
    move_clock(&app, 6).await;
    assert_eq!(
        get(&marie, app.url(&dropped)).await.status(),
        StatusCode::OK
    );
    // On the day, the untouched draft goes, with its documents; the other stays.
    move_clock(&app, 1).await;
    assert_eq!(
        get(&marie, app.url(&dropped)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&marie, app.url(&kept)).await.status(), StatusCode::OK);
    let shown = page(&app, &marie, &inbox).await;
    assert!(
        shown.contains("a été supprimé avec ses documents"),
        "{shown}"
    );
    let documents: i64 = sqlx::query("SELECT COUNT(*) AS n FROM request_documents")
        .fetch_one(&db)
        .await
        .map(|row| sqlx::Row::get(&row, "n"))
        .unwrap();
    assert_eq!(documents, 2, "only the kept draft's two");
    db.close().await;
}

#[tokio::test]
async fn a_refused_request_is_deleted_after_its_retention_and_the_notice_says_so() {
    let _serial = one_at_a_time().await;
    let app = spawn_app_with(&[
        ("ALARMIS_DEV_IDP", "on"),
        ("ALARMIS_TEST_CLOCK", "on"),
        ("ALARMIS_REFUSED_RETENTION_YEARS", "2"),
        ("ALARMIS_DRAFT_EXPIRY_DAYS", "90"),
    ])
    .await;
    let notice = page(&app, &app.browser(), "/protection-des-donnees").await;
    assert!(
        notice.contains("pendant 90 jours") && notice.contains("14 jours avant"),
        "{notice}"
    );
    assert!(notice.contains("2 ans après la décision"));
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let agent = app.browser();
    sign_in(&app, &agent, AGENT).await;
    let refused = submit_connection(&app, &marie, "Bijouterie Schmit").await;
    let approved = submit_connection(&app, &marie, "Horlogerie Klein").await;
    for (request, decision) in [
        (
            &refused,
            vec![("decision", "refuse"), ("reason", "Pas de motif.")],
        ),
        (&approved, vec![("decision", "approve")]),
    ] {
        let case = format!("/agent/demandes/{}", request.request_id);
        assert_eq!(
            post(&app, &agent, &format!("{case}/prise"), &[])
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            post(&app, &agent, &format!("{case}/decision"), &decision)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    }
    move_clock(&app, 365).await;
    assert_eq!(
        get(&marie, app.url(&refused.page)).await.status(),
        StatusCode::OK
    );
    // Decided today: deleted once two years have passed since that day (2028's leap day too).
    move_clock(&app, 368).await;
    assert_eq!(
        get(&marie, app.url(&refused.page)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&marie, app.url(&approved.page)).await.status(),
        StatusCode::OK,
        "approved stay"
    );
    // The trail keeps its rows about the deleted case.
    let trail = audit_actions(&app, &refused.request_id).await;
    assert!(trail.iter().any(|(action, _)| action == "refused"));
}
