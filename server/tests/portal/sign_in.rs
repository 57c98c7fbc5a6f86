//! Sign-in through OpenID Connect: the happy path through the built-in provider, and each
//! kind of bad answer refused with a clear page rather than an error.

use crate::support::fake_idp::{self, Defect};
use crate::support::*;
use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::StatusCode;

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("alarmis_session="))
        .map(str::to_owned)
}

fn cookie_value(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_full_sign_in_creates_the_private_espace_and_rotates_the_session_id() {
    let app = spawn_app().await;
    let browser = app.browser();
    let login = get(&browser, app.url("/auth/login")).await;
    let before = session_cookie(&login).expect("a session for the pending sign-in");
    assert!(before.contains("HttpOnly"), "{before}");
    assert!(before.contains("SameSite=Lax"), "{before}");
    assert!(
        !before.contains("Secure"),
        "plain http on loopback: {before}"
    );
    let authorize = url::Url::parse(&location(&login)).expect("url");
    let pairs: std::collections::HashMap<_, _> = authorize.query_pairs().into_owned().collect();
    assert_eq!(pairs["response_type"], "code");
    assert_eq!(pairs["code_challenge_method"], "S256");
    assert!(pairs["scope"].split(' ').any(|s| s == "openid"));
    assert!(!pairs["state"].is_empty() && !pairs["nonce"].is_empty());
    assert_eq!(pairs["acr_values"], "luxtrust eid");

    let callback = choose_identity(&browser, &authorize, MARIE, "eid").await;
    let back = browser.get(&callback).send().await.expect("callback");
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let after = session_cookie(&back).expect("the session cookie is set again");
    assert_ne!(
        cookie_value(&before),
        cookie_value(&after),
        "a new id at sign-in"
    );

    let page = get(&browser, app.url("/espace")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("Votre eSpace privé"), "the private eSpace");
    assert!(html.contains("Marie Schmit"));
    assert!(
        html.contains("Carte d&#x27;identité électronique (eID)")
            || html.contains("Carte d'identité électronique (eID)"),
        "the means of authentication, read back from acr"
    );
}

#[tokio::test]
async fn without_a_session_the_private_espace_asks_to_sign_in() {
    let app = spawn_app().await;
    let page = get(&app.client, app.url("/espace")).await;
    assert_eq!(page.status(), StatusCode::UNAUTHORIZED);
    let html = page.text().await.expect("html");
    assert!(html.contains("Connectez-vous pour continuer"));
    assert!(html.contains("/auth/login?return_to=/espace"));
}

async fn refused_with_reason(
    app: &TestApp,
    browser: &reqwest::Client,
    callback: &str,
    reason: &str,
) {
    let response = browser
        .get(absolute(app, callback))
        .send()
        .await
        .expect("callback");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "no 500");
    let target = location(&response);
    assert_eq!(target, format!("/connexion/echec?reason={reason}"));
    let page = get(browser, app.url(&target)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(
        html.contains("La connexion n&#x27;a pas abouti")
            || html.contains("La connexion n'a pas abouti")
    );
    assert!(html.contains("data-testid=\"sign-in-failure\""));
    let espace = get(browser, app.url("/espace")).await;
    assert_eq!(espace.status(), StatusCode::UNAUTHORIZED, "not signed in");
}

#[tokio::test]
async fn a_tampered_state_is_refused() {
    let app = spawn_app().await;
    let browser = app.browser();
    let authorize = start_sign_in(&app, &browser).await;
    let callback = choose_identity(&browser, &authorize, MARIE, "luxtrust").await;
    let mut url = url::Url::parse(&callback).expect("url");
    let tampered: Vec<(String, String)> = url
        .query_pairs()
        .into_owned()
        .map(|(k, v)| {
            if k == "state" {
                (k, format!("{v}x"))
            } else {
                (k, v)
            }
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(tampered);
    refused_with_reason(&app, &browser, url.as_str(), "invalid").await;
}

#[tokio::test]
async fn a_replayed_code_is_refused_by_the_portal_and_by_the_provider() {
    let app = spawn_app().await;
    let browser = app.browser();
    let authorize = start_sign_in(&app, &browser).await;
    let callback = choose_identity(&browser, &authorize, MARIE, "luxtrust").await;
    let first = browser.get(&callback).send().await.expect("callback");
    assert_eq!(location(&first), "/espace");
    // The same answer replayed by someone else (a leaked address): no sign-in is under way
    // in their session, so nothing is redeemed.
    refused_with_reason(&app, &app.browser(), &callback, "expired").await;
    // Replayed in the same browser: the pending sign-in was used up; the session stays as it was.
    let again = browser.get(&callback).send().await.expect("replay");
    assert_eq!(location(&again), "/connexion/echec?reason=expired");

    // And the code itself cannot be redeemed twice at the provider.
    let code = url::Url::parse(&callback)
        .expect("url")
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("code");
    let token = app
        .client
        .post(app.url("/dev-idp/token"))
        .basic_auth("alarmis-portal", Some("alarmis-development-secret"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", app.url("/auth/callback").as_str()),
            ("code_verifier", "anything"),
        ])
        .send()
        .await
        .expect("token");
    assert_eq!(token.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = token.json().await.expect("json");
    assert_eq!(body["error"], "invalid_grant");
}

#[tokio::test]
async fn cancelling_at_the_provider_says_so() {
    let app = spawn_app().await;
    let browser = app.browser();
    let authorize = start_sign_in(&app, &browser).await;
    let mut form: Vec<(String, String)> = authorize.query_pairs().into_owned().collect();
    form.push(("action".into(), "cancel".into()));
    let mut post_url = authorize.clone();
    post_url.set_query(None);
    let back = browser
        .post(post_url)
        .form(&form)
        .send()
        .await
        .expect("cancel");
    refused_with_reason(&app, &browser, &location(&back), "cancelled").await;
}

#[tokio::test]
async fn id_tokens_with_a_wrong_nonce_signature_expiry_audience_or_issuer_are_refused() {
    let idp = fake_idp::spawn().await;
    let app = spawn_app_with(&[
        ("ALARMIS_OIDC_ISSUER", idp.issuer.as_str()),
        ("ALARMIS_OIDC_CLIENT_SECRET", fake_idp::CLIENT_SECRET),
    ])
    .await;
    for defect in [
        Defect::WrongNonce,
        Defect::WrongKey,
        Defect::Expired,
        Defect::WrongAudience,
        Defect::WrongIssuer,
    ] {
        idp.set_defect(defect);
        let browser = app.browser();
        let authorize = start_sign_in(&app, &browser).await;
        let answer = browser
            .get(authorize.as_str())
            .send()
            .await
            .expect("authorize");
        let callback = location(&answer);
        let response = browser.get(&callback).send().await.expect("callback");
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{defect:?}: no 500"
        );
        assert_eq!(
            location(&response),
            "/connexion/echec?reason=invalid",
            "{defect:?} is refused"
        );
        let espace = get(&browser, app.url("/espace")).await;
        assert_eq!(
            espace.status(),
            StatusCode::UNAUTHORIZED,
            "{defect:?}: not signed in"
        );
    }
    // The same provider without a defect signs in: the refusals were for the defects.
    idp.set_defect(Defect::None);
    let browser = app.browser();
    let authorize = start_sign_in(&app, &browser).await;
    let answer = browser
        .get(authorize.as_str())
        .send()
        .await
        .expect("authorize");
    let response = browser
        .get(location(&answer))
        .send()
        .await
        .expect("callback");
    assert_eq!(location(&response), "/espace");
}

#[tokio::test]
async fn sign_out_ends_the_session_here_and_at_the_provider() {
    let app = spawn_app().await;
    let browser = app.browser();
    sign_in(&app, &browser, MARIE).await;
    let espace = get(&browser, app.url("/espace")).await;
    assert_eq!(espace.status(), StatusCode::OK);
    let logout = browser
        .post(app.url("/auth/logout"))
        .send()
        .await
        .expect("logout");
    assert_eq!(logout.status(), StatusCode::SEE_OTHER);
    let target = location(&logout);
    assert!(target.contains("/dev-idp/end-session"), "{target}");
    assert!(target.contains("id_token_hint="), "{target}");
    let espace = get(&browser, app.url("/espace")).await;
    assert_eq!(espace.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_stolen_cookie_is_worthless_after_sign_out() {
    let app = spawn_app().await;
    let back = sign_in(&app, &app.browser(), MARIE).await;
    let cookie = cookie_value(&session_cookie(&back).expect("cookie"));
    let with_cookie = |path: &str| {
        app.client
            .get(app.url(path))
            .header(COOKIE, cookie.clone())
            .send()
    };
    assert_eq!(
        with_cookie("/espace").await.expect("espace").status(),
        StatusCode::OK
    );
    let logout = app
        .client
        .post(app.url("/auth/logout"))
        .header(COOKIE, cookie.clone())
        .send()
        .await
        .expect("logout");
    assert_eq!(logout.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        with_cookie("/espace").await.expect("espace").status(),
        StatusCode::UNAUTHORIZED,
        "the old cookie no longer opens the eSpace"
    );
}

#[tokio::test]
async fn a_session_ends_at_its_absolute_lifetime_whatever_the_activity() {
    let app = spawn_app().await;
    let browser = app.browser();
    sign_in(&app, &browser, MARIE).await;
    assert_eq!(
        get(&browser, app.url("/espace")).await.status(),
        StatusCode::OK
    );
    // Nine hours ago, as far as the session knows (the limit is 8 hours).
    let db = database(&app).await;
    let nine_hours_ago = chrono::Utc::now().timestamp() - 9 * 3600;
    // JSON inside a TEXT column: each engine's own functions.
    let sql = if app.database_url.starts_with("sqlite:") {
        "UPDATE sessions SET data = json_set(data, '$.signed_in.signed_in_at', $1)
         WHERE json_extract(data, '$.signed_in') IS NOT NULL"
    } else {
        "UPDATE sessions
         SET data = jsonb_set(data::jsonb, '{signed_in,signed_in_at}', to_jsonb($1))::text
         WHERE data::jsonb -> 'signed_in' IS NOT NULL"
    };
    let changed = sqlx::query(sql)
        .bind(nine_hours_ago)
        .execute(&db)
        .await
        .expect("update");
    assert_eq!(changed.rows_affected(), 1);
    assert_eq!(
        get(&browser, app.url("/espace")).await.status(),
        StatusCode::UNAUTHORIZED,
        "signed out after 8 hours"
    );
}

#[tokio::test]
async fn the_language_a_person_chose_follows_them_to_another_browser() {
    let app = spawn_app_with(&[("ALARMIS_DEV_IDP", "on")]).await;
    let first = app.browser();
    let signed_in = sign_in(&app, &first, MARIE).await;
    assert!(
        signed_in
            .headers()
            .get("set-cookie")
            .is_none_or(|c| !c.to_str().unwrap_or_default().contains("alarmis_lang")),
        "no choice yet, nothing to remember"
    );
    let chosen = get(&first, app.url("/language/de?return_to=/espace")).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);

    // Another browser, no cookie: the sign-in brings the choice back.
    let second = app.browser();
    let signed_in = sign_in(&app, &second, MARIE).await;
    let cookies: Vec<String> = signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().expect("text").to_owned())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("alarmis_lang=de;")),
        "{cookies:?}"
    );
    let page = get(&second, app.url("/espace"))
        .await
        .text()
        .await
        .expect("page");
    assert!(page.contains("<html lang=\"de\""), "the eSpace in German");

    // A choice made in this browser before signing in wins, and becomes the profile's.
    let third = app.browser();
    let _ = get(&third, app.url("/language/en")).await;
    let signed_in = sign_in(&app, &third, MARIE).await;
    assert!(signed_in
        .headers()
        .get("set-cookie")
        .is_none_or(|c| !c.to_str().unwrap_or_default().contains("alarmis_lang")));
    let fourth = app.browser();
    let signed_in = sign_in(&app, &fourth, MARIE).await;
    assert!(signed_in.headers().get_all("set-cookie").iter().any(|c| c
        .to_str()
        .unwrap_or_default()
        .starts_with("alarmis_lang=en;")));
}
