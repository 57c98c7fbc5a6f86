//! The foundation's promises, checked against the real server over HTTP.

use crate::support::spawn_app;
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
