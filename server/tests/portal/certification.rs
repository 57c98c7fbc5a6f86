//! Procedure A over HTTP, as browsers without JavaScript use it: the applicant's wizard, the
//! agent's decision and letter, and the code's redemption; then the code's properties (one use,
//! expiry, attempt limit, only a hash stored, never logged, useless in another eSpace).

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use crate::support::*;
use reqwest::StatusCode;
use sqlx::Row;

/// Everything the portal logs in this test binary, at every level, to look for codes in it.
fn captured_logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || LogWriter(writer.clone()))
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one subscriber");
        buffer
    })
    .clone()
}

struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn logs() -> String {
    String::from_utf8_lossy(&captured_logs().lock().expect("log buffer")).into_owned()
}

/// A submitted certification request: the applicant's browser, the eSpace's and the
/// request's paths, and the request's id.
struct Submitted {
    business: String,
    request_id: String,
}

/// Signs `browser` in as `subject` unless `signed_in`, creates an eSpace named `company` and
/// submits a certification request for `client_number` through the plain forms.
async fn submit_certification(
    app: &TestApp,
    browser: &reqwest::Client,
    company: &str,
    client_number: &str,
) -> Submitted {
    let business = create_business(app, browser, company).await;
    submit_certification_in(app, browser, business, client_number).await
}

/// A certification request in an existing eSpace (`/espace/entreprises/{id}`).
async fn submit_certification_in(
    app: &TestApp,
    browser: &reqwest::Client,
    business: String,
    client_number: &str,
) -> Submitted {
    let started = post(
        app,
        browser,
        &format!("{business}/demandes"),
        &[("procedure", "certification")],
    )
    .await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let first = location(&started);
    assert!(
        first.ends_with("/client"),
        "procedure A starts at its own first step: {first}"
    );
    let base = first.trim_end_matches("/client").to_owned();
    let steps: [(&str, Vec<(&str, &str)>); 3] = [
        (
            "client",
            vec![
                ("client_number", client_number),
                ("capacity", "Gérant"),
                ("representative_phone", "621 123 456"),
            ],
        ),
        (
            "courrier",
            vec![
                ("letter_recipient", "Service technique"),
                ("letter_street", "rue de Hollerich"),
                ("letter_house_number", "48"),
                ("letter_postcode", "1740"),
                ("letter_locality", "Luxembourg"),
                ("letter_language", "fr"),
            ],
        ),
        (
            "declaration",
            vec![("declare_accurate", "on"), ("declare_authorised", "on")],
        ),
    ];
    for (slug, form) in steps {
        let saved = post(app, browser, &format!("{base}/{slug}"), &form).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{slug} saved");
    }
    let sent = post(app, browser, &format!("{base}/recapitulatif"), &[]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER, "submitted");
    assert_eq!(location(&sent), base);
    Submitted {
        business,
        request_id: base.rsplit('/').next().expect("an id").to_owned(),
    }
}

async fn agent(app: &TestApp) -> reqwest::Client {
    let agent = app.browser();
    sign_in(app, &agent, AGENT).await;
    agent
}

/// The agent takes the case: it must be in review before any decision.
async fn take(app: &TestApp, agent: &reqwest::Client, request_id: &str) {
    let taken = post(
        app,
        agent,
        &format!("/agent/demandes/{request_id}/prise"),
        &[],
    )
    .await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER, "taken");
}

async fn approve(app: &TestApp, agent: &reqwest::Client, request_id: &str) {
    take(app, agent, request_id).await;
    let decided = post(
        app,
        agent,
        &format!("/agent/demandes/{request_id}/decision"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(decided.status(), StatusCode::SEE_OTHER, "approved");
}

/// Downloads the letter (which issues a code); returns the code as printed.
async fn letter_code(app: &TestApp, agent: &reqwest::Client, request_id: &str) -> String {
    let letter = post(
        app,
        agent,
        &format!("/agent/demandes/{request_id}/lettre"),
        &[],
    )
    .await;
    assert_eq!(letter.status(), StatusCode::OK);
    assert_eq!(letter.headers()["content-type"], "application/pdf");
    assert_eq!(letter.headers()["cache-control"], "no-store");
    let text = shown_text(&letter.bytes().await.expect("pdf"));
    printed_code(&text).unwrap_or_else(|| panic!("a code in the letter:\n{text}"))
}

/// The code as the letter prints it: five groups of four.
fn printed_code(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|line| {
            line.len() == 24
                && line.split('-').count() == 5
                && line
                    .split('-')
                    .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_alphanumeric()))
        })
        .map(str::to_owned)
}

async fn redeem(
    app: &TestApp,
    browser: &reqwest::Client,
    business: &str,
    code: &str,
) -> reqwest::Response {
    post(
        app,
        browser,
        &format!("{business}/certification"),
        &[("code", code)],
    )
    .await
}

async fn page(app: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    get(browser, app.url(path))
        .await
        .text()
        .await
        .expect("html")
}

#[tokio::test]
async fn request_approval_letter_and_code_certify_the_espace() {
    let _serial = one_at_a_time().await;
    captured_logs();
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let request = submit_certification(&app, &marie, "Bijouterie Schmit", "al 004217").await;
    let mine = page(
        &app,
        &marie,
        &format!("{}/demandes/{}", request.business, request.request_id),
    )
    .await;
    assert!(
        mine.contains("ALR-") && mine.contains("Envoyée"),
        "submitted with a reference"
    );

    let agent = agent(&app).await;
    let queue = page(&app, &agent, "/agent").await;
    assert!(queue.contains("Bijouterie Schmit") && queue.contains("ALR-"));
    approve(&app, &agent, &request.request_id).await;
    let code = letter_code(&app, &agent, &request.request_id).await;
    let posted = post(
        &app,
        &agent,
        &format!("/agent/demandes/{}/envoi", request.request_id),
        &[],
    )
    .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let case = page(
        &app,
        &agent,
        &format!("/agent/demandes/{}", request.request_id),
    )
    .await;
    assert!(
        case.contains("Envoyé le"),
        "the case shows the letter posted"
    );

    let espace = page(&app, &marie, &request.business).await;
    assert!(espace.contains("Saisir le code de certification"));
    assert!(!espace.contains("data-testid=\"certified-badge\""));
    assert!(
        !espace.contains("Demander la certification"),
        "no second request while the code is on its way"
    );
    let wrong = redeem(&app, &marie, &request.business, "2222-3333-4444-5555-6666").await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = wrong.text().await.expect("html");
    assert!(wrong.contains("n'est pas le bon") && wrong.contains("2222-3333-4444-5555-6666"));
    let typed = code.to_lowercase().replace('-', " ");
    let right = redeem(&app, &marie, &request.business, &typed).await;
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    let espace = page(&app, &marie, &request.business).await;
    assert!(espace.contains("data-testid=\"certified-badge\""), "badge");
    assert!(
        espace.contains("AL-004217"),
        "the client number is attached"
    );
    assert!(!espace.contains("Saisir le code de certification"));
    assert!(
        !espace.contains("Demander la certification"),
        "nothing left to ask for"
    );

    // Only the hash is kept: no table, no file of the data folder (database, its journal,
    // documents) holds the code in any form; and the log never printed it.
    let db = database(&app).await;
    let row = sqlx::query("SELECT token_sha256, used_at FROM certification_tokens")
        .fetch_one(&db)
        .await
        .expect("one code");
    let canonical = code.replace('-', "");
    assert_eq!(
        row.get::<String, _>("token_sha256"),
        alarmis_server::store::requests::sha256_hex(canonical.as_bytes())
    );
    assert!(row.get::<Option<String>, _>("used_at").is_some());
    // The audit trail holds every step, in order (the agent's looks at the case aside), and
    // nothing of the code.
    let actions: Vec<(String, Option<String>)> = audit_actions(&app, &request.request_id)
        .await
        .into_iter()
        .filter(|(action, _)| action != "case_viewed")
        .collect();
    let names: Vec<&str> = actions.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        names,
        [
            "submitted",
            "case_taken",
            "approved",
            "token_issued",
            "letter_posted",
            "code_redeemed"
        ]
    );
    assert_eq!(actions[2].1.as_deref(), Some("AL-004217"));
    db.close().await;
    for file in walk(app.data_dir.path()) {
        let bytes = std::fs::read(&file).expect("readable");
        let text = String::from_utf8_lossy(&bytes);
        for form in [&code, &canonical, &typed] {
            assert!(
                !text.contains(form.as_str()),
                "{} holds the code",
                file.display()
            );
        }
    }
    let logs = logs();
    assert!(
        logs.contains("certification code refused"),
        "the log was captured"
    );
    for form in [&code, &canonical, &typed] {
        assert!(!logs.contains(form.as_str()), "the log holds the code");
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test]
async fn a_code_works_once_and_not_after_its_expiry_or_a_new_letter() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let request = submit_certification(&app, &marie, "Garage Weber", "AL-000042").await;
    let agent = agent(&app).await;
    approve(&app, &agent, &request.request_id).await;

    // A new letter replaces the first: its code stops working.
    let first = letter_code(&app, &agent, &request.request_id).await;
    let second = letter_code(&app, &agent, &request.request_id).await;
    assert_ne!(first, second);
    let replaced = redeem(&app, &marie, &request.business, &first).await;
    assert_eq!(replaced.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(replaced
        .text()
        .await
        .unwrap()
        .contains("courrier plus récent"));

    // Past its date, the code is refused as expired.
    let db = database(&app).await;
    sqlx::query("UPDATE certification_tokens SET expires_at = '2020-01-01T00:00:00Z' WHERE revoked_at IS NULL")
        .execute(&db)
        .await
        .expect("aged");
    let expired = redeem(&app, &marie, &request.business, &second).await;
    assert_eq!(expired.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(expired.text().await.unwrap().contains("a expiré"));

    // A third letter works, once: even if the eSpace lost its certification, the same code
    // does not certify it again.
    let third = letter_code(&app, &agent, &request.request_id).await;
    assert_eq!(
        redeem(&app, &marie, &request.business, &third)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    sqlx::query("UPDATE business_espaces SET certified_at = NULL, client_number = NULL")
        .execute(&db)
        .await
        .expect("uncertified by hand");
    let again = redeem(&app, &marie, &request.business, &third).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().await.unwrap().contains("déjà été utilisé"));
    db.close().await;
}

#[tokio::test]
async fn too_many_wrong_codes_lock_redemption_for_a_while_and_are_logged() {
    let _serial = one_at_a_time().await;
    captured_logs();
    let app = spawn_app_with(&[
        ("ALARMIS_DEV_IDP", "on"),
        ("ALARMIS_CERTIFICATION_MAX_WRONG_CODES", "3"),
        ("ALARMIS_CERTIFICATION_LOCK_MINUTES", "15"),
    ])
    .await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let request = submit_certification(&app, &marie, "Pharmacie du Parc", "AL-001234").await;
    let agent = agent(&app).await;
    approve(&app, &agent, &request.request_id).await;
    let code = letter_code(&app, &agent, &request.request_id).await;
    for guess in [
        "2345-6789-ABCD-EFGH-JKMN",
        "PQRS-TUVW-XYZ2-3456-789A",
        "BCDE-FGHJ-KMNP-QRST-UVWX",
    ] {
        let wrong = redeem(&app, &marie, &request.business, guess).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY, "{guess}");
    }
    // Locked: even the right code is not looked at now.
    let locked = redeem(&app, &marie, &request.business, &code).await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    let locked = locked.text().await.unwrap();
    assert!(locked.contains("Trop de codes erronés"), "{locked}");
    let espace = page(&app, &marie, &request.business).await;
    assert!(
        espace.contains("la saisie est bloquée jusqu"),
        "the eSpace says until when"
    );
    assert!(!espace.contains("data-testid=\"certified-badge\""));
    assert!(logs().contains("redemption locked"), "the lock is logged");

    let db = database(&app).await;
    let outcomes: Vec<String> =
        sqlx::query("SELECT outcome FROM certification_attempts ORDER BY attempted_at, outcome")
            .fetch_all(&db)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get("outcome"))
            .collect();
    assert_eq!(outcomes.iter().filter(|o| *o == "wrong").count(), 3);
    assert_eq!(outcomes.iter().filter(|o| *o == "locked").count(), 1);
    // Once the lock period is over, the right code works.
    sqlx::query("UPDATE certification_attempts SET attempted_at = '2020-01-01T00:00:00Z'")
        .execute(&db)
        .await
        .unwrap();
    db.close().await;
    assert_eq!(
        redeem(&app, &marie, &request.business, &code)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert!(page(&app, &marie, &request.business)
        .await
        .contains("data-testid=\"certified-badge\""));
}

#[tokio::test]
async fn one_espaces_code_is_useless_in_another() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let first = submit_certification(&app, &marie, "Bijouterie Schmit", "AL-000101").await;
    let second = submit_certification(&app, &marie, "Bijouterie Schmit Esch", "AL-000102").await;
    let agent = agent(&app).await;
    approve(&app, &agent, &first.request_id).await;
    approve(&app, &agent, &second.request_id).await;
    let first_code = letter_code(&app, &agent, &first.request_id).await;
    let second_code = letter_code(&app, &agent, &second.request_id).await;
    let crossed = redeem(&app, &marie, &second.business, &first_code).await;
    assert_eq!(crossed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(crossed.text().await.unwrap().contains("n'est pas le bon"));
    assert_eq!(
        redeem(&app, &marie, &second.business, &second_code)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        redeem(&app, &marie, &first.business, &first_code)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert!(page(&app, &marie, &first.business)
        .await
        .contains("AL-000101"));
    assert!(page(&app, &marie, &second.business)
        .await
        .contains("AL-000102"));

    // Someone who is not a member cannot type codes there at all.
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    assert_eq!(
        redeem(&app, &luc, &first.business, &first_code)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn only_agents_decide_once_and_a_refusal_reaches_the_applicant_with_its_reason() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let request = submit_certification(&app, &marie, "Boulangerie Hoffmann", "AL-007007").await;
    let case = format!("/agent/demandes/{}", request.request_id);

    // The applicant reaches no agent page or action.
    assert_eq!(
        get(&marie, app.url(&case)).await.status(),
        StatusCode::FORBIDDEN
    );
    for action in ["prise", "question", "decision", "lettre", "envoi"] {
        let refused = post(
            &app,
            &marie,
            &format!("{case}/{action}"),
            &[("decision", "approve")],
        )
        .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{action}");
    }
    let listed = marie
        .post(app.url("/api/case_queue"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("query[page]=1")
        .send()
        .await
        .unwrap();
    assert_eq!(listed.status(), StatusCode::FORBIDDEN);

    // One certification at a time: a second one waits for this one's decision.
    let second = post(
        &app,
        &marie,
        &format!("{}/demandes", request.business),
        &[("procedure", "certification")],
    )
    .await;
    assert_eq!(second.status(), StatusCode::CONFLICT);

    let agent = agent(&app).await;
    // No letter before a decision; no decision before the case is taken; a refusal needs its
    // reason.
    let early = post(&app, &agent, &format!("{case}/lettre"), &[]).await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    let untaken = post(
        &app,
        &agent,
        &format!("{case}/decision"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(untaken.status(), StatusCode::CONFLICT);
    take(&app, &agent, &request.request_id).await;
    let no_reason = post(
        &app,
        &agent,
        &format!("{case}/decision"),
        &[("decision", "refuse"), ("reason", "  ")],
    )
    .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason
        .text()
        .await
        .unwrap()
        .contains("Indiquez le motif du refus"));
    let reason = "Le numéro AL-007007 appartient à une autre entreprise.";
    let refused = post(
        &app,
        &agent,
        &format!("{case}/decision"),
        &[("decision", "refuse"), ("reason", reason)],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    // Decided once: approving now is refused and changes nothing.
    let late = post(
        &app,
        &agent,
        &format!("{case}/decision"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);

    let seen = page(
        &app,
        &marie,
        &format!("{}/demandes/{}", request.business, request.request_id),
    )
    .await;
    assert!(seen.contains("Refusée") && seen.contains("appartient à une autre entreprise"));
    let espace = page(&app, &marie, &request.business).await;
    assert!(
        !espace.contains("Saisir le code de certification"),
        "no code to type after a refusal"
    );

    // A draft is not a case: nothing to decide.
    let draft = post(
        &app,
        &marie,
        &format!("{}/demandes", request.business),
        &[("procedure", "certification")],
    )
    .await;
    let draft_id = location(&draft)
        .trim_end_matches("/client")
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let skipped = post(
        &app,
        &agent,
        &format!("/agent/demandes/{draft_id}/decision"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(skipped.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn two_agents_approving_at_once_give_one_decision() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let request = submit_certification(&app, &marie, "Café de la Gare", "AL-003003").await;
    let (first, second) = (agent(&app).await, agent(&app).await);
    take(&app, &first, &request.request_id).await;
    let path = format!("/agent/demandes/{}/decision", request.request_id);
    let (a, b) = tokio::join!(
        post(&app, &first, &path, &[("decision", "approve")]),
        post(
            &app,
            &second,
            &path,
            &[("decision", "refuse"), ("reason", "Doublon")]
        ),
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT]);
}

#[tokio::test]
async fn an_espace_certifies_with_the_number_its_connection_request_was_given() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let connection =
        crate::support::connection::submit_connection(&app, &marie, "Bijouterie Schmit").await;
    let agent = agent(&app).await;
    approve(&app, &agent, &connection.request_id).await;
    // The number the portal issued is this eSpace's: its certification with it is approved.
    let certification =
        submit_certification_in(&app, &marie, connection.business.clone(), "AL-700001").await;
    approve(&app, &agent, &certification.request_id).await;
    // Another eSpace asking with the same number is refused.
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    let other = submit_certification(&app, &luc, "Garage Weber", "AL-700001").await;
    take(&app, &agent, &other.request_id).await;
    let clash = post(
        &app,
        &agent,
        &format!("/agent/demandes/{}/decision", other.request_id),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(clash.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_client_number_goes_to_one_espace_only() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let first = submit_certification(&app, &marie, "Bijouterie Schmit", "AL-000555").await;
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    let second = submit_certification(&app, &luc, "Garage Weber", "AL-000555").await;
    let agent = agent(&app).await;
    approve(&app, &agent, &first.request_id).await;
    // Approved for Marie's eSpace and on its way: Luc's request for the same number is refused.
    take(&app, &agent, &second.request_id).await;
    let clash = post(
        &app,
        &agent,
        &format!("/agent/demandes/{}/decision", second.request_id),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(clash.status(), StatusCode::CONFLICT);
    assert!(clash
        .text()
        .await
        .unwrap()
        .contains("approuvé, pour un autre eSpace"));
    // Two downloads at once (a double click, two agents): one live code remains.
    let (a, b) = tokio::join!(
        letter_code(&app, &agent, &first.request_id),
        letter_code(&app, &agent, &first.request_id),
    );
    assert_ne!(a, b);
    let db = database(&app).await;
    let live: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM certification_tokens WHERE revoked_at IS NULL AND used_at IS NULL",
    )
    .fetch_one(&db)
    .await
    .unwrap()
    .get("n");
    assert_eq!(live, 1);
    db.close().await;
    let first_try = redeem(&app, &marie, &first.business, &a).await.status();
    let second_try = redeem(&app, &marie, &first.business, &b).await.status();
    assert!(
        first_try == StatusCode::SEE_OTHER || second_try == StatusCode::SEE_OTHER,
        "the live code certifies: {first_try} {second_try}"
    );
    assert!(page(&app, &marie, &first.business)
        .await
        .contains("AL-000555"));
}
