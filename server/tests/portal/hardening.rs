//! Security headers, rate limits, body limits, request ids and metrics, on the real server.

use crate::support::connection::{answers, PDF};
use crate::support::{
    create_business, get, location, post, sign_in, spawn_app, spawn_app_with, MARIE,
};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use sha2::Digest;

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .unwrap_or_else(|| panic!("a {name} header"))
        .to_str()
        .expect("text")
}

/// The value of `name='…'` or `name-…` source in a policy, e.g. the nonce.
fn nonce_of(policy: &str) -> String {
    let start = policy.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    policy[start..]
        .split('\'')
        .next()
        .expect("a closing quote")
        .to_owned()
}

#[tokio::test]
async fn pages_allow_only_their_own_nonced_scripts_and_the_bundle() {
    let app = spawn_app().await;
    let home = get(&app.client, app.url("/")).await;
    assert_eq!(home.status(), StatusCode::OK);
    let policy = header(&home, "content-security-policy").to_owned();
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "'wasm-unsafe-eval'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert_eq!(header(&home, "x-content-type-options"), "nosniff");
    assert_eq!(
        header(&home, "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    assert_eq!(header(&home, "x-frame-options"), "DENY");
    assert!(home.headers().get("strict-transport-security").is_none());
    // Nothing on the home page acts before the server answers: it has no script at all.
    let html = home.text().await.expect("the page");
    assert!(!html.contains("<script"), "a script on the home page");
    assert!(
        !html.contains("<leptos-island"),
        "an island on the home page"
    );

    // A form checked in the browser: the island script, with this render's nonce, and the
    // island. Every inline script carries the nonce; none is without it.
    let browser = app.browser();
    sign_in(&app, &browser, MARIE).await;
    let form = get(&browser, app.url("/espace/entreprises/nouvelle")).await;
    let nonce = nonce_of(header(&form, "content-security-policy"));
    let html = form.text().await.expect("the page");
    assert!(html.contains("<leptos-island"), "the form-check island");
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    assert!(!scripts.is_empty(), "the island script");
    for script in scripts {
        assert!(
            script.starts_with(&format!(" nonce=\"{nonce}\""))
                || script.contains(&format!("nonce=\"{nonce}\"")),
            "a script without the nonce: <script{}",
            &script[..script.len().min(80)]
        );
    }
    // A new render, a new nonce.
    let again = get(&browser, app.url("/espace/entreprises/nouvelle")).await;
    assert_ne!(nonce_of(header(&again, "content-security-policy")), nonce);

    // Everything else runs no inline script at all.
    let health = get(&app.client, app.url("/healthz")).await;
    let policy = header(&health, "content-security-policy");
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{policy}"
    );
    assert!(!policy.contains("nonce"));
    assert_eq!(header(&health, "x-content-type-options"), "nosniff");
    // The "not found" page is a page too.
    let missing = get(&app.client, app.url("/nulle-part")).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(header(&missing, "content-security-policy").contains("'nonce-"));
}

#[tokio::test]
async fn the_development_provider_allows_exactly_its_own_style() {
    let app = spawn_app().await;
    let browser = app.browser();
    let started = get(&browser, app.url("/auth/login")).await;
    let choice = get(&browser, location(&started)).await;
    assert_eq!(choice.status(), StatusCode::OK);
    let policy = header(&choice, "content-security-policy").to_owned();
    let html = choice.text().await.expect("the page");
    let style = html
        .split("<style>")
        .nth(1)
        .and_then(|rest| rest.split("</style>").next())
        .expect("an inline style");
    use base64::Engine as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style));
    assert!(
        policy.contains(&format!("style-src 'sha256-{hash}'")),
        "{policy}"
    );
    assert!(policy.starts_with("default-src 'none'"));
    assert!(policy.contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn https_brings_hsts_and_an_outside_provider_joins_form_action() {
    let app = spawn_app_with(&[
        ("ALARMIS_PUBLIC_URL", "https://alarmis.example.lu"),
        ("ALARMIS_OIDC_ISSUER", "https://login.example.lu/realms/lu"),
        ("ALARMIS_OIDC_CLIENT_SECRET", "secret"),
    ])
    .await;
    let health = get(&app.client, app.url("/healthz")).await;
    assert_eq!(
        header(&health, "strict-transport-security"),
        "max-age=63072000; includeSubDomains"
    );
    assert!(header(&health, "content-security-policy")
        .ends_with("form-action 'self' https://login.example.lu"));
}

#[tokio::test]
async fn too_many_sign_ins_from_one_address_get_a_page_that_says_when_to_retry() {
    let app = spawn_app_with(&[
        ("ALARMIS_DEV_IDP", "on"),
        ("ALARMIS_LIMIT_SIGN_INS", "3"),
        ("ALARMIS_TRUSTED_PROXIES", "127.0.0.1"),
    ])
    .await;
    let from = |address: &'static str| {
        let app = &app;
        async move {
            app.client
                .get(app.url("/auth/login"))
                .header("x-forwarded-for", address)
                .header("accept-language", "fr")
                .send()
                .await
                .expect("sign-in")
        }
    };
    for _ in 0..3 {
        assert_eq!(from("198.51.100.7").await.status(), StatusCode::SEE_OTHER);
    }
    let refused = from("198.51.100.7").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = header(&refused, "retry-after").parse().expect("seconds");
    assert!((1..=600).contains(&wait), "{wait}");
    let html = refused.text().await.expect("the page");
    assert!(html.contains("Trop de tentatives"), "{html}");
    assert!(html.contains("Trop de connexions ont été commencées depuis votre réseau"));
    assert!(html.contains("Réessayez dans"));
    assert!(html.contains("href=\"/\""));
    // Shown at /auth/login, the page must not hydrate into "page not found".
    assert!(!html.contains("type=\"module\""), "no bundle on this page");
    // Another address behind the same proxy is counted on its own; a client that claims an
    // address in front of the proxy's does not escape its own count.
    assert_eq!(from("198.51.100.8").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        from("203.0.113.1, 198.51.100.7").await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    // The return from the provider counts too.
    let back = app
        .client
        .get(app.url("/auth/callback?code=x&state=y"))
        .header("x-forwarded-for", "198.51.100.7")
        .send()
        .await
        .expect("callback");
    assert_eq!(back.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn too_many_uploads_and_codes_by_one_person_are_refused() {
    let app = spawn_app_with(&[
        ("ALARMIS_DEV_IDP", "on"),
        ("ALARMIS_LIMIT_UPLOADS", "2"),
        ("ALARMIS_LIMIT_CODE_ATTEMPTS", "2"),
    ])
    .await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let business = create_business(&app, &marie, "Bijouterie Schmit").await;
    let started = post(&app, &marie, &format!("{business}/demandes"), &[]).await;
    let page = location(&started).trim_end_matches("/demandeur").to_owned();
    let _ = post(
        &app,
        &marie,
        &format!("{page}/demandeur"),
        &answers("demandeur"),
    )
    .await;
    let upload = || async {
        let form = Form::new()
            .text("kind", "building-plan")
            .part("file", Part::bytes(PDF.to_vec()).file_name("plan.pdf"));
        marie
            .post(app.url(&format!("{page}/documents")))
            .header("accept-language", "fr")
            .multipart(form)
            .send()
            .await
            .expect("upload")
    };
    assert_ne!(upload().await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_ne!(upload().await.status(), StatusCode::TOO_MANY_REQUESTS);
    let refused = upload().await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().get("retry-after").is_some());
    let html = refused.text().await.expect("the page");
    assert!(html.contains("Trop de fichiers ont été envoyés depuis votre compte"));
    assert!(
        html.contains(&format!("href=\"{page}/documents\"")),
        "the way back"
    );
    // Plain form answers are not uploads: the person can go on with the other steps.
    let saved = post(&app, &marie, &format!("{page}/site"), &answers("site")).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    let code = || async {
        post(
            &app,
            &marie,
            &format!("{business}/certification"),
            &[("code", "2222-3333-4444-5555-6666")],
        )
        .await
    };
    assert_ne!(code().await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_ne!(code().await.status(), StatusCode::TOO_MANY_REQUESTS);
    let refused = code().await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = refused.text().await.expect("the page");
    assert!(html.contains("Too many certification codes") || html.contains("Trop de codes"));
    // Another person is not held back by Marie's count.
    let luc = app.browser();
    sign_in(&app, &luc, crate::support::LUC).await;
    let luc_business = create_business(&app, &luc, "Garage Weber").await;
    let tried = post(
        &app,
        &luc,
        &format!("{luc_business}/certification"),
        &[("code", "2222-3333-4444-5555-6666")],
    )
    .await;
    assert_ne!(tried.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn bodies_over_their_limit_are_refused_before_they_are_read() {
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    // A server function takes a few kilobytes, not 100 KiB.
    let big = "x".repeat(100 * 1024);
    let server_fn = marie
        .post(app.url("/api/check_eligibility"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("answers={big}"))
        .send()
        .await
        .expect("a server function call");
    assert_eq!(server_fn.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(server_fn
        .text()
        .await
        .expect("text")
        .contains("This request is too large (at most 64 KiB)"));
    // Nor does a plain form.
    let business = create_business(&app, &marie, "Bijouterie Schmit").await;
    let form = post(
        &app,
        &marie,
        &format!("{business}/certification"),
        &[("code", big.as_str())],
    )
    .await;
    assert_eq!(form.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // An upload may be larger, up to one request's documents and no more.
    let huge = Form::new().part(
        "file",
        Part::bytes(vec![b'%'; 32 * 1024 * 1024]).file_name("plan.pdf"),
    );
    let upload = marie
        .post(app.url(&format!("{business}/demandes/x/documents")))
        .multipart(huge)
        .send()
        .await;
    // The server may answer and close before the client finished sending 32 MB.
    if let Ok(upload) = upload {
        assert_eq!(upload.status(), StatusCode::PAYLOAD_TOO_LARGE);
    }
}

#[tokio::test]
async fn requests_carry_an_id_and_metrics_count_them() {
    let app = spawn_app().await;
    let health = get(&app.client, app.url("/healthz")).await;
    let id = header(&health, "x-request-id");
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let given = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "from-the-proxy-42")
        .send()
        .await
        .expect("health");
    assert_eq!(header(&given, "x-request-id"), "from-the-proxy-42");
    let _ = get(&app.client, app.url("/espace/entreprises/abc")).await;

    let metrics = get(&app.client, app.url("/metrics")).await;
    assert_eq!(metrics.status(), StatusCode::OK);
    assert!(header(&metrics, "content-type").starts_with("text/plain"));
    let text = metrics.text().await.expect("text");
    assert!(
        text.contains(
            "alarmis_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"
        ),
        "{text}"
    );
    // By route pattern, never the address with its ids.
    assert!(
        text.contains("route=\"/espace/entreprises/:id\"")
            || text.contains("route=\"/espace/entreprises/{id}\"")
    );
    assert!(!text.contains("/espace/entreprises/abc"));
    assert!(text.contains(
        "alarmis_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\""
    ));
    // Through a proxy, everyone would look local: refused.
    let proxied = app
        .client
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.1")
        .send()
        .await
        .expect("metrics");
    assert_eq!(proxied.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn with_a_token_metrics_are_for_its_holder_only() {
    let app = spawn_app_with(&[("ALARMIS_METRICS_TOKEN", "scrape-me")]).await;
    let without = get(&app.client, app.url("/metrics")).await;
    assert_eq!(without.status(), StatusCode::NOT_FOUND);
    let wrong = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("scrape-you")
        .send()
        .await
        .expect("metrics");
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
    let right = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("scrape-me")
        .header("x-forwarded-for", "203.0.113.1")
        .send()
        .await
        .expect("metrics");
    assert_eq!(right.status(), StatusCode::OK);
}
