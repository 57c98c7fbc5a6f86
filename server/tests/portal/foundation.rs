//! The foundation's promises, checked against the real server over HTTP.

use crate::support::{shown_text, spawn_app, spawn_app_with};
use reqwest::header::{ACCEPT_LANGUAGE, COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;

#[tokio::test]
async fn health_check_reports_the_database_and_migrations_created_the_file() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(
        body,
        serde_json::json!({ "status": "ok", "database": "ok" })
    );
    if app.database_url.starts_with("sqlite:") {
        assert!(
            app.data_dir.path().join("alarmis.db").exists(),
            "the SQLite file lives in the data folder"
        );
    }
}

#[tokio::test]
async fn the_home_page_is_server_rendered_in_the_language_asked_for() {
    let app = spawn_app().await;
    let french = app.client.get(app.url("/")).send().await.expect("request");
    assert_eq!(french.status(), StatusCode::OK);
    assert_eq!(french.headers()["x-content-type-options"], "nosniff");
    let html = french.text().await.expect("body");
    assert!(html.contains(r#"<html lang="fr""#), "French is the default");
    assert!(html.contains("Quelle démarche pour moi ?"));

    let german = app
        .client
        .get(app.url("/"))
        .header(ACCEPT_LANGUAGE, "pt, de-LU;q=0.8, en;q=0.5")
        .send()
        .await
        .expect("request");
    let html = german.text().await.expect("body");
    assert!(html.contains(r#"<html lang="de""#));
    assert!(html.contains("Welches Verfahren gilt für mich?"));

    let chosen = app
        .client
        .get(app.url("/"))
        .header(ACCEPT_LANGUAGE, "de")
        .header(COOKIE, "alarmis_lang=en")
        .send()
        .await
        .expect("request");
    assert!(
        chosen
            .text()
            .await
            .expect("body")
            .contains("Which procedure is mine?"),
        "the cookie wins"
    );
}

#[tokio::test]
async fn choosing_a_language_sets_the_cookie_and_returns_to_the_page() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/language/de?return_to=/%3Fcheck%3D1%26postcode%3D1234"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[LOCATION], "/?check=1&postcode=1234");
    let cookie = response.headers()[SET_COOKIE].to_str().expect("ascii");
    assert!(cookie.starts_with("alarmis_lang=de;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests: {cookie}");

    let elsewhere = app
        .client
        .get(app.url("/language/en?return_to=//evil.example/"))
        .send()
        .await
        .expect("request");
    assert_eq!(elsewhere.headers()[LOCATION], "/", "never an open redirect");

    let unknown = app
        .client
        .get(app.url("/language/xx"))
        .send()
        .await
        .expect("request");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_server_function_validates_what_the_browser_validates() {
    let app = spawn_app().await;
    let post = |body: &'static str| {
        app.client
            .post(app.url("/api/check_eligibility"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(body)
            .send()
    };

    let wrong = post("answers[intrusion]=true&answers[client_status]=new&answers[postcode]=99999")
        .await
        .expect("request");
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = wrong.json().await.expect("json");
    assert_eq!(
        body,
        serde_json::json!({ "Invalid": [{ "field": "postcode", "code": "postcode-format" }] })
    );

    let empty = post("").await.expect("request");
    assert_eq!(
        empty.status(),
        StatusCode::BAD_REQUEST,
        "no arguments at all is a malformed request"
    );

    let right =
        post("answers[panic_button]=true&answers[client_status]=existing&answers[postcode]=L-1009")
            .await
            .expect("request");
    assert_eq!(right.status(), StatusCode::OK);
    let body: serde_json::Value = right.json().await.expect("json");
    assert_eq!(body["procedure"], "Certification");
    assert_eq!(body["postcode"], "L-1009");
}

#[tokio::test]
async fn an_unknown_page_is_a_404_with_the_site_frame() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/nothing/here"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = response.text().await.expect("body");
    assert!(html.contains("Page introuvable") && html.contains("alarmis@police.etat.lu"));
}

/// The sheet of obligations once connected (R2005 Art. 8, 10 to 15, and the procedure's yearly
/// test): anyone may print it, in the language they read, with who pays a false alert's fee
/// and the fee at the index the portal applies.
#[tokio::test]
async fn the_obligations_sheet_is_a_pdf_in_the_readers_language() {
    let app = spawn_app_with(&[("ALARMIS_PRICE_INDEX", "944.43")]).await;
    let home = app.client.get(app.url("/")).send().await.expect("home");
    assert!(home
        .text()
        .await
        .unwrap()
        .contains(r#"href="/obligations.pdf""#));
    for (language, expected) in [
        (
            "fr",
            [
                "Livret d'exploitation (art. 8)",
                "Inspection par la Police (art. 10)",
                "Formation du personnel (art. 11)",
                "par le propriétaire de l'immeuble",
                "administratifs d'une fausse alerte sont de 37,78",
            ],
        ),
        (
            "de",
            [
                "Betriebsbuch (Art. 8)",
                "Besichtigung durch die Polizei (Art. 10)",
                "Schulung des Personals (Art. 11)",
                "verpflichtet den Eigentümer des Gebäudes",
                "Verwaltungsgebühr eines Fehlalarms 37,78",
            ],
        ),
        (
            "en",
            [
                "Operations log (Art. 8)",
                "Inspection by the Police (Art. 10)",
                "Staff training (Art. 11)",
                "makes the owner of the building pay",
                "administrative fee is 37.78",
            ],
        ),
    ] {
        let response = app
            .client
            .get(app.url("/obligations.pdf"))
            .header(ACCEPT_LANGUAGE, language)
            .send()
            .await
            .expect("sheet");
        assert_eq!(response.status(), StatusCode::OK, "{language}");
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = shown_text(&bytes).replace('\n', " ");
        for phrase in expected {
            assert!(text.contains(phrase), "{language}: {phrase:?} in {text}");
        }
    }
}
