//! eSpaces: creation with the shared rules, and nobody reaching someone else's by changing an
//! id; cross-origin requests refused; police pages refused to applicants.

use crate::support::*;
use reqwest::StatusCode;

#[tokio::test]
async fn a_business_espace_is_created_and_shown_to_its_member() {
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let path = create_business(&app, &marie, "Bijouterie Schmit").await;
    assert!(path.starts_with("/espace/entreprises/"), "{path}");
    let page = get(&marie, app.url(&path)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("Bijouterie Schmit"));
    assert!(html.contains("B123456") && html.contains("L-1660"));
    assert!(html.contains("Administrateur"));
    let private = get(&marie, app.url("/espace")).await;
    assert!(
        private.text().await.expect("html").contains(&path),
        "listed in the private eSpace"
    );
}

#[tokio::test]
async fn another_person_cannot_read_or_use_a_business_espace_by_its_id() {
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let path = create_business(&app, &marie, "Bijouterie Schmit").await;
    let id = path.rsplit('/').next().expect("id").to_owned();

    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    let page = get(&luc, app.url(&path)).await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert!(!page
        .text()
        .await
        .expect("html")
        .contains("Bijouterie Schmit"));
    let call = luc
        .post(app.url("/api/load_business_espace"))
        .form(&[("id", id.as_str())])
        .send()
        .await
        .expect("server function");
    assert_eq!(call.status(), StatusCode::NOT_FOUND);
    let body = call.text().await.expect("body");
    assert!(
        body.contains("NotFound"),
        "the server function's own answer: {body}"
    );
    assert!(!body.contains("Schmit"));
    let listed = get(&luc, app.url("/espace")).await;
    assert!(!listed
        .text()
        .await
        .expect("html")
        .contains("Bijouterie Schmit"));

    let anonymous = app
        .client
        .post(app.url("/api/load_business_espace"))
        .form(&[("id", id.as_str())])
        .send()
        .await
        .expect("server function");
    let status = anonymous.status();
    let body = anonymous.text().await.unwrap_or_default();
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
}

#[tokio::test]
async fn police_pages_refuse_applicants_and_open_to_agents() {
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    create_business(&app, &marie, "Bijouterie Schmit").await;
    let refused = get(&marie, app.url("/agent")).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let call = marie
        .post(app.url("/api/registered_businesses"))
        .send()
        .await
        .expect("server function");
    assert_eq!(call.status(), StatusCode::FORBIDDEN);
    assert!(call.text().await.expect("body").contains("Forbidden"));

    let agent = app.browser();
    sign_in(&app, &agent, AGENT).await;
    let page = get(&agent, app.url("/agent")).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page
        .text()
        .await
        .expect("html")
        .contains("Bijouterie Schmit"));
}

#[tokio::test]
async fn a_cross_origin_post_is_refused_before_it_changes_anything() {
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let forged = marie
        .post(app.url("/espace/entreprises/nouvelle"))
        .header("origin", "https://evil.example")
        .form(&business_form("Forged SA"))
        .send()
        .await
        .expect("forged");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let fetched = marie
        .post(app.url("/auth/logout"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .expect("forged logout");
    assert_eq!(fetched.status(), StatusCode::FORBIDDEN);
    let espace = get(&marie, app.url("/espace")).await;
    assert_eq!(espace.status(), StatusCode::OK, "still signed in");
    assert!(
        !espace.text().await.expect("html").contains("Forged SA"),
        "nothing created"
    );
    let same_origin = marie
        .post(app.url("/espace/entreprises/nouvelle"))
        .header("origin", app.address.as_str())
        .form(&business_form("Real SARL"))
        .send()
        .await
        .expect("same origin");
    assert_eq!(
        same_origin.status(),
        StatusCode::SEE_OTHER,
        "the portal's own form works"
    );
}

#[tokio::test]
async fn an_invalid_form_comes_back_with_what_was_typed_and_a_message_per_field() {
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let response = marie
        .post(app.url("/espace/entreprises/nouvelle"))
        .form(&[
            ("company_name", "<script>alert(1)</script>"),
            ("legal_form", ""),
            ("rcs_number", "123456"),
            ("street", "Grand-Rue"),
            ("house_number", ""),
            ("postcode", "L-0999"),
            ("locality", &"x".repeat(81)),
            ("email", "contact@"),
            ("phone", "12"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    for message in [
        "Retirez les caractères &lt; et &gt; de la dénomination",
        "Choisissez la forme juridique",
        "Indiquez le numéro RCS sous la forme",
        "Indiquez le numéro",
        "Saisissez un code postal luxembourgeois",
        "La localité doit compter 80 caractères au plus",
        "Indiquez une adresse e-mail valide",
        "Indiquez un numéro de 6 à 15 chiffres",
    ] {
        assert!(html.contains(message), "message {message:?}");
    }
    assert!(html.contains("value=\"Grand-Rue\""), "typed values kept");
    assert!(html.contains("value=\"123456\""));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "kept, and escaped"
    );
    assert!(!html.contains("<script>alert(1)"), "never as markup");
    assert!(
        html.contains("<title>Erreur"),
        "the title says there are errors"
    );
}

#[tokio::test]
async fn an_administrator_invites_a_second_member_with_a_one_time_link() {
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let path = create_business(&app, &marie, "Bijouterie Schmit").await;
    let invited = marie
        .post(app.url(&format!("{path}/invitation")))
        .send()
        .await
        .expect("invite");
    let back = location(&invited);
    let token = back
        .split_once("?invitation=")
        .map(|(_, token)| token.to_owned())
        .expect("the page shows the new link");
    let page = get(&marie, app.url(&back)).await;
    let link = format!("{}/espace/invitations/{token}", app.address);
    assert!(
        page.text().await.expect("html").contains(&link),
        "the full link to pass on"
    );

    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    let invitation = get(&luc, app.url(&format!("/espace/invitations/{token}"))).await;
    assert_eq!(invitation.status(), StatusCode::OK);
    assert!(invitation
        .text()
        .await
        .expect("html")
        .contains("Bijouterie Schmit"));
    let joined = luc
        .post(app.url(&format!("/espace/invitations/{token}")))
        .send()
        .await
        .expect("join");
    assert_eq!(location(&joined), path, "taken to the business eSpace");
    let shared = get(&luc, app.url(&path)).await;
    assert_eq!(shared.status(), StatusCode::OK);
    let html = shared.text().await.expect("html");
    assert!(
        html.contains("Marie Schmit") && html.contains("Luc Weber"),
        "two members"
    );
    assert!(
        !html.contains("Créer un lien d&#x27;invitation")
            && !html.contains("Créer un lien d'invitation"),
        "a member, not an administrator, cannot invite"
    );
    let refused = luc
        .post(app.url("/api/invite_member"))
        .form(&[("business_id", path.rsplit('/').next().expect("id"))])
        .send()
        .await
        .expect("server function");
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);

    // The link works once.
    let agent = app.browser();
    sign_in(&app, &agent, AGENT).await;
    let used = get(&agent, app.url(&format!("/espace/invitations/{token}"))).await;
    assert_eq!(used.status(), StatusCode::NOT_FOUND);
    let again = agent
        .post(app.url("/api/accept_invitation"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("server function");
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        get(&agent, app.url(&path)).await.status(),
        StatusCode::NOT_FOUND
    );
}
