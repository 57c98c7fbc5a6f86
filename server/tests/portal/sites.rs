//! After connection, through the plain forms: the connected site's page, a change report that
//! changes nothing until an agent accepts it, a refusal with its reason, the inbox's notices,
//! and who may see and do what.

use crate::support::connection::{submit_connection, SubmittedRequest};
use crate::support::*;
use reqwest::StatusCode;

/// A connection request submitted by Marie and approved by the agent: a connected site.
async fn connected_site(
    app: &TestApp,
    marie: &reqwest::Client,
    agent: &reqwest::Client,
) -> SubmittedRequest {
    let request = submit_connection(app, marie, "Bijouterie Schmit").await;
    let case = format!("/agent/demandes/{}", request.request_id);
    for (action, form) in [
        ("prise", vec![]),
        ("decision", vec![("decision", "approve")]),
    ] {
        let status = post(app, agent, &format!("{case}/{action}"), &form)
            .await
            .status();
        assert_eq!(status, StatusCode::SEE_OTHER, "{action}");
    }
    request
}

/// Marie and the agent signed in, and Marie's connected site.
async fn signed_in_with_a_site(
    app: &TestApp,
) -> (reqwest::Client, reqwest::Client, SubmittedRequest) {
    let marie = app.browser();
    sign_in(app, &marie, MARIE).await;
    let agent = app.browser();
    sign_in(app, &agent, AGENT).await;
    let request = connected_site(app, &marie, &agent).await;
    (marie, agent, request)
}

/// The agent records the day the site's line was connected.
async fn connect(
    app: &TestApp,
    agent: &reqwest::Client,
    request: &SubmittedRequest,
    day: &str,
) -> reqwest::Response {
    let action = format!("/agent/sites/{}/raccordement", request.request_id);
    post(app, agent, &action, &[("connected_on", day)]).await
}

fn site_path(request: &SubmittedRequest) -> String {
    format!("{}/sites/{}", request.business, request.request_id)
}

const NEW_INSTALLER: [(&str, &str); 4] = [
    ("installer_company", "Alarmes du Sud SARL"),
    ("installer_trade", "electronics"),
    ("installer_authorisation", "10099999"),
    ("certificate_date", "2026-11-02"),
];

#[tokio::test]
async fn a_change_report_applies_only_once_an_agent_accepts_it() {
    let _serial = one_at_a_time().await;
    let app = spawn_app_with(&[("ALARMIS_DEV_IDP", "on")]).await;
    let (marie, agent, request) = signed_in_with_a_site(&app).await;
    let site = site_path(&request);

    let espace = page(&app, &marie, &request.business).await;
    assert!(
        espace.contains(&site),
        "the eSpace links its connected site"
    );
    let shown = page(&app, &marie, &site).await;
    assert!(shown.contains("AL-700001"), "client number");
    assert!(
        shown.contains("Sécurité Moselle SARL"),
        "installer as approved"
    );
    assert!(shown.contains("Weber"), "contact persons");

    // The form comes filled in with the site's information as it is now.
    let form = page(&app, &marie, &format!("{site}/changement/installateur")).await;
    assert!(form.contains("value=\"Sécurité Moselle SARL\""), "{form}");

    // Nothing changed, or a wrong authorisation number: refused with the typed values kept.
    let unchanged = [
        ("installer_company", "Sécurité Moselle SARL"),
        ("installer_trade", "alarm-installer"),
        ("installer_authorisation", "10012345/1"),
        ("certificate_date", "2026-10-01"),
    ];
    let action = format!("{site}/changement/installateur");
    let refused = post(&app, &marie, &action, &unchanged).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("Modifiez au moins une information"));
    let mut wrong = NEW_INSTALLER;
    wrong[2].1 = "12";
    let refused = post(&app, &marie, &action, &wrong).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("value=\"Alarmes du Sud SARL\""));

    let sent = post(&app, &marie, &action, &NEW_INSTALLER).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&sent), format!("{site}?envoye=1"));
    // A second report of the same part while the first waits would cross it.
    let again = post(&app, &marie, &action, &NEW_INSTALLER).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Not applied yet: the site still shows the old installer, the report waits.
    let shown = page(&app, &marie, &site).await;
    assert!(shown.contains("Sécurité Moselle SARL"));
    assert!(shown.contains("En attente"));

    // The agent sees it waiting, with what the site has now and what is asked.
    let list = page(&app, &agent, "/agent/sites").await;
    assert!(
        list.contains("AL-700001") && list.contains("1 changement"),
        "{list}"
    );
    let agent_site = format!("/agent/sites/{}", request.request_id);
    let shown = page(&app, &agent, &agent_site).await;
    assert!(shown.contains("Alarmes du Sud SARL") && shown.contains("Sécurité Moselle SARL"));
    let db = database(&app).await;
    let change_id: String = sqlx::query("SELECT id FROM site_changes WHERE site_id = $1")
        .bind(&request.request_id)
        .fetch_one(&db)
        .await
        .map(|row| sqlx::Row::get(&row, "id"))
        .expect("a change row");
    let decision = format!("{agent_site}/changements/{change_id}");

    // An applicant may not decide; a refusal needs its reason.
    let status = post(&app, &marie, &decision, &[("decision", "accept")])
        .await
        .status();
    assert_eq!(status, StatusCode::FORBIDDEN);
    let no_reason = [
        ("decision", "refuse"),
        ("part", "installer"),
        ("reason_installer", " "),
    ];
    let response = post(&app, &agent, &decision, &no_reason).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Indiquez le motif du refus"));

    let accepted = post(&app, &agent, &decision, &[("decision", "accept")]).await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    let twice = post(&app, &agent, &decision, &[("decision", "accept")]).await;
    assert_eq!(twice.status(), StatusCode::CONFLICT, "decided once");

    // Now the site has the new installer, the rest as it was; the inbox says so.
    let shown = page(&app, &marie, &site).await;
    assert!(shown.contains("Alarmes du Sud SARL") && !shown.contains("Sécurité Moselle SARL"));
    assert!(shown.contains("Accepté") && shown.contains("Weber"));
    let espace = page(&app, &marie, &request.business).await;
    assert!(espace.contains("non lu"), "a new notice");
    let inbox = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(inbox.contains("Votre changement a été accepté"), "{inbox}");
    assert!(inbox.contains(&site));

    // A refused report leaves the site as it is and tells why.
    let centre = format!("{site}/changement/centrale");
    let sent = post(
        &app,
        &marie,
        &centre,
        &[
            ("alarm_centre_name", "Centrale Est"),
            ("alarm_centre_licence", "L-123"),
        ],
    )
    .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let change_id: String =
        sqlx::query("SELECT id FROM site_changes WHERE site_id = $1 AND status = 'submitted'")
            .bind(&request.request_id)
            .fetch_one(&db)
            .await
            .map(|row| sqlx::Row::get(&row, "id"))
            .expect("the second change");
    let refuse = [
        ("decision", "refuse"),
        ("part", "alarm_centre"),
        (
            "reason_alarm_centre",
            "Cette centrale n'a pas de licence valable.",
        ),
    ];
    let decision = format!("{agent_site}/changements/{change_id}");
    let status = post(&app, &agent, &decision, &refuse).await.status();
    assert_eq!(status, StatusCode::SEE_OTHER);
    let shown = page(&app, &marie, &site).await;
    let details = shown
        .split("data-testid=\"site-details\"")
        .nth(1)
        .and_then(|rest| rest.split("id=\"controles\"").next())
        .expect("the site's details");
    assert!(!details.contains("Centrale Est"), "not applied");
    assert!(shown.contains("pas de licence valable"));
    db.close().await;

    let actions: Vec<String> = audit_actions(&app, &request.request_id)
        .await
        .into_iter()
        .map(|(action, _)| action)
        .filter(|a| a.starts_with("change_"))
        .collect();
    assert_eq!(
        actions,
        [
            "change_reported",
            "change_accepted",
            "change_reported",
            "change_refused"
        ]
    );
}

#[tokio::test]
async fn a_site_is_its_espaces_and_the_agents_only() {
    let _serial = one_at_a_time().await;
    let app = spawn_app_with(&[("ALARMIS_DEV_IDP", "on")]).await;
    let (marie, _agent, request) = signed_in_with_a_site(&app).await;
    let site = site_path(&request);
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    assert_eq!(
        get(&luc, app.url(&site)).await.status(),
        StatusCode::NOT_FOUND
    );
    let sent = post(
        &app,
        &luc,
        &format!("{site}/changement/centrale"),
        &[
            ("alarm_centre_name", "Centrale Est"),
            ("alarm_centre_licence", "L-123"),
        ],
    )
    .await;
    assert_eq!(
        sent.status(),
        StatusCode::NOT_FOUND,
        "another eSpace's member"
    );
    assert_eq!(
        get(&marie, app.url("/agent/sites")).await.status(),
        StatusCode::FORBIDDEN
    );
    // A request not approved is no site.
    let other = submit_connection(&app, &marie, "Pharmacie Weber").await;
    let not_yet = format!("{}/sites/{}", other.business, other.request_id);
    assert_eq!(
        get(&marie, app.url(&not_yet)).await.status(),
        StatusCode::NOT_FOUND
    );
    let anonymous = app.browser();
    let response = get(&anonymous, app.url(&site)).await;
    assert_ne!(response.status(), StatusCode::OK);
}

async fn record(
    app: &TestApp,
    browser: &reqwest::Client,
    site: &str,
    check: &str,
    done_on: &str,
    file: Option<&[u8]>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new()
        .text("check", check.to_owned())
        .text("done_on", done_on.to_owned());
    if let Some(bytes) = file {
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name("entretien.pdf"),
        );
    }
    browser
        .post(app.url(&format!("{site}/controles")))
        .multipart(form)
        .send()
        .await
        .expect("record")
}

fn luxembourg_today(days_on: i64) -> String {
    alarmis_server::clock::luxembourg_date(alarmis_server::clock::unix_now() + days_on * 86_400)
        .iso()
}

async fn notices(db: &sqlx::AnyPool) -> Vec<(String, Option<String>)> {
    sqlx::query("SELECT kind, due_on FROM espace_notices ORDER BY kind, due_on")
        .fetch_all(db)
        .await
        .expect("notices")
        .iter()
        .map(|row| (sqlx::Row::get(row, "kind"), sqlx::Row::get(row, "due_on")))
        .collect()
}

#[tokio::test]
async fn yearly_checks_are_recorded_and_reminded_once_across_processes_and_restarts() {
    let _serial = one_at_a_time().await;
    let settings = [("ALARMIS_DEV_IDP", "on"), ("ALARMIS_TEST_CLOCK", "on")];
    let app = spawn_app_with(&settings).await;
    let (marie, agent, request) = signed_in_with_a_site(&app).await;
    let site = site_path(&request);
    let today = luxembourg_today(0);
    let in_a_year = alarmis_server::clock::luxembourg_date(alarmis_server::clock::unix_now())
        .next_year()
        .iso();
    let connected = connect(&app, &agent, &request, &today).await;
    assert_eq!(connected.status(), StatusCode::SEE_OTHER);

    // Wrong records are explained: nothing chosen, a future day, a day before the connection,
    // no certificate.
    let response = record(
        &app,
        &marie,
        &site,
        "",
        &today,
        Some(crate::support::connection::PDF),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Choisissez ce qui a été fait"));
    let response = record(
        &app,
        &marie,
        &site,
        "maintenance",
        &luxembourg_today(2),
        Some(crate::support::connection::PDF),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = record(
        &app,
        &marie,
        &site,
        "maintenance",
        &luxembourg_today(-2),
        Some(crate::support::connection::PDF),
    )
    .await;
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("postérieure au raccordement"));
    let response = record(&app, &marie, &site, "maintenance", &today, None).await;
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Joignez le certificat"));
    let response = record(
        &app,
        &marie,
        &site,
        "maintenance",
        &today,
        Some(crate::support::connection::EXE),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let response = record(
        &app,
        &marie,
        &site,
        "maintenance",
        &today,
        Some(crate::support::connection::PDF),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let shown = page(&app, &marie, &site).await;
    assert!(shown.contains("entretien.pdf"));
    assert!(!shown.contains("En retard"));
    let db = database(&app).await;
    let check_id: String = sqlx::query("SELECT id FROM site_checks")
        .fetch_one(&db)
        .await
        .map(|row| sqlx::Row::get(&row, "id"))
        .expect("a check");
    let certificate = get(&marie, app.url(&format!("{site}/controles/{check_id}"))).await;
    assert_eq!(certificate.status(), StatusCode::OK);
    assert_eq!(
        &certificate.bytes().await.unwrap()[..],
        crate::support::connection::PDF
    );
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    let other = get(&luc, app.url(&format!("{site}/controles/{check_id}"))).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let agents = format!("/agent/sites/{}/controles/{check_id}", request.request_id);
    assert_eq!(get(&agent, app.url(&agents)).await.status(), StatusCode::OK);
    assert_eq!(
        get(&marie, app.url(&agents)).await.status(),
        StatusCode::FORBIDDEN
    );

    // Nothing is due for 335 days (the inbox only says the site is connected). Two runs at
    // once, as two processes would, on day 340: each reminder is written once.
    let connected_notice = ("connected".to_owned(), Some(today.clone()));
    assert_eq!(notices(&db).await, vec![connected_notice.clone()]);
    sqlx::query("UPDATE test_clock SET offset_days = 340")
        .execute(&db)
        .await
        .unwrap();
    let other_db = database(&app).await;
    let clock = alarmis_server::clock::Clock::adjustable(db.clone());
    let other_clock = alarmis_server::clock::Clock::adjustable(other_db.clone());
    let quiet = alarmis_server::mail::Notifier::new(None, &app.address, db.clone()).unwrap();
    let (one, two) = tokio::join!(
        alarmis_server::jobs::reminders::run_once(&db, &clock, &quiet),
        alarmis_server::jobs::reminders::run_once(&other_db, &other_clock, &quiet),
    );
    assert_eq!(one.unwrap() + two.unwrap(), 2);
    let soon = vec![
        connected_notice,
        ("maintenance_soon".to_owned(), Some(in_a_year.clone())),
        ("test_soon".to_owned(), Some(in_a_year.clone())),
    ];
    assert_eq!(notices(&db).await, soon);

    // A restart (a second process over the same data) runs them again at start: nothing new.
    let second = restart_with(&app, &settings).await;
    let moved = post(&second, &second.browser(), "/dev/horloge", &[("days", "0")]).await;
    assert_eq!(moved.text().await.unwrap(), luxembourg_today(340));
    assert_eq!(notices(&db).await, soon);
    let inbox = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(
        inbox.contains("L&#x27;entretien annuel de votre système est à faire avant le")
            || inbox.contains("L'entretien annuel de votre système est à faire avant le"),
        "{inbox}"
    );

    // The clock only moves forward (moving it back would re-run deletions' arithmetic).
    let back = post(&app, &app.browser(), "/dev/horloge", &[("days", "-5")]).await;
    assert_eq!(back.status(), StatusCode::BAD_REQUEST);

    // On the due day, the second reminders; the day after, the site is late for the agents.
    let moved = post(&app, &app.browser(), "/dev/horloge", &[("days", "26")]).await;
    assert_eq!(moved.text().await.unwrap(), luxembourg_today(366));
    assert_eq!(notices(&db).await.len(), 5);
    let list = page(&app, &agent, "/agent/sites").await;
    assert!(list.contains("En retard"), "{list}");
    // Recording both brings the site back on time.
    for check in ["maintenance", "transmission_test"] {
        let response = record(
            &app,
            &marie,
            &site,
            check,
            &luxembourg_today(366),
            Some(crate::support::connection::PDF),
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{check}");
    }
    let list = page(&app, &agent, "/agent/sites").await;
    assert!(!list.contains("En retard"));
    db.close().await;
    other_db.close().await;
}

#[tokio::test]
async fn the_reminders_lease_lets_one_process_run_at_a_time() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let db = database(&app).await;
    // The app's own start-up run may hold it for a moment: wait until it is free.
    let mut first = false;
    for _ in 0..50 {
        first = alarmis_server::store::job_leases::claim_lease(&db, "process-a")
            .await
            .unwrap();
        if first {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(first);
    assert!(
        !alarmis_server::store::job_leases::claim_lease(&db, "process-b")
            .await
            .unwrap()
    );
    assert!(
        alarmis_server::store::job_leases::claim_lease(&db, "process-a")
            .await
            .unwrap(),
        "renewed"
    );
    // An expired lease (a process that died mid-run) is taken over.
    sqlx::query("UPDATE job_leases SET expires_at = 0")
        .execute(&db)
        .await
        .unwrap();
    assert!(
        alarmis_server::store::job_leases::claim_lease(&db, "process-b")
            .await
            .unwrap()
    );
    db.close().await;
}

#[tokio::test]
async fn a_false_alerts_fee_is_computed_to_the_cent_shown_to_the_applicant_and_repeats_flagged() {
    let _serial = one_at_a_time().await;
    let app = spawn_app_with(&[
        ("ALARMIS_DEV_IDP", "on"),
        ("ALARMIS_PRICE_INDEX", "944.43"),
        ("ALARMIS_FALSE_ALERT_THRESHOLD", "2"),
    ])
    .await;
    let (marie, agent, request) = signed_in_with_a_site(&app).await;
    let action = format!("/agent/sites/{}/fausses-alertes", request.request_id);
    let today = luxembourg_today(0);
    let connected = connect(&app, &agent, &request, &today).await;
    assert_eq!(connected.status(), StatusCode::SEE_OTHER);
    let intervention = [
        ("alert_date", today.as_str()),
        ("cause", "user_error"),
        ("persons", "2"),
        ("hours", "1,5"),
        ("kilometres", "12,4"),
        ("vehicles", "1"),
    ];

    assert_eq!(
        post(&app, &marie, &action, &intervention).await.status(),
        StatusCode::FORBIDDEN
    );
    let wrong = [
        ("alert_date", today.as_str()),
        ("persons", "0"),
        ("hours", "-1"),
        ("kilometres", "12"),
        ("vehicles", "1"),
    ];
    let refused = post(&app, &agent, &action, &wrong).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = refused.text().await.unwrap();
    // Where a false alert is recorded, and where it is shown, R2005 Art. 12 says what one is.
    let definition = "sans motif valable et sans preuve matérielle de menace";
    assert!(text.contains(definition), "{text}");
    assert!(
        text.contains("Indiquez au moins une personne intervenue"),
        "{text}"
    );
    assert!(text.contains("Le nombre ne peut pas être négatif"));
    assert!(text.contains("Choisissez la cause de la fausse alerte"));

    let recorded = post(&app, &agent, &action, &intervention).await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    // 4 × 9.4443 = 37.7772 → 37.78; 3 person-hours × 3.5 × 9.4443 = 99.16515 → 99.17;
    // 12.4 vehicle-km × 0.5 × 9.4443 = 58.55466 → 58.55; total 195.50.
    let shown = page(&app, &marie, &site_path(&request)).await;
    for amount in ["37,78 €", "99,17 €", "58,55 €", "195,50 €", "944,43"] {
        assert!(shown.contains(amount), "{amount}");
    }
    assert!(!shown.contains("Fausses alertes répétées"));
    assert!(shown.contains(definition));
    let inbox = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(inbox.contains("frais de 195,50 €"), "{inbox}");

    // A second within the year reaches the threshold of 2: flagged for Art. 14.
    let recorded = post(&app, &agent, &action, &intervention).await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    let shown = page(
        &app,
        &agent,
        &format!("/agent/sites/{}", request.request_id),
    )
    .await;
    assert!(shown.contains("Fausses alertes répétées"));
    let list = page(&app, &agent, "/agent/sites").await;
    assert!(list.contains("Répétées"));
    let actions: Vec<String> = audit_actions(&app, &request.request_id)
        .await
        .into_iter()
        .map(|(action, _)| action)
        .filter(|a| a == "false_alert_recorded")
        .collect();
    assert_eq!(actions.len(), 2);
}

#[tokio::test]
async fn approval_is_not_connection_until_an_agent_records_the_day() {
    let _serial = one_at_a_time().await;
    let settings = [("ALARMIS_DEV_IDP", "on"), ("ALARMIS_TEST_CLOCK", "on")];
    let app = spawn_app_with(&settings).await;
    let (marie, agent, request) = signed_in_with_a_site(&app).await;
    let site = site_path(&request);
    let today = luxembourg_today(0);

    // Approved, not connected: both sides read it, no yearly date runs, nothing is recorded.
    let shown = page(&app, &marie, &site).await;
    assert!(shown.contains("en attente du raccordement"), "{shown}");
    assert!(!shown.contains("À faire au plus tard"), "{shown}");
    let list = page(&app, &agent, "/agent/sites").await;
    assert!(list.contains("en attente du raccordement"), "{list}");
    let response = record(
        &app,
        &marie,
        &site,
        "maintenance",
        &today,
        Some(crate::support::connection::PDF),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("attend encore son raccordement"));
    let alert = format!("/agent/sites/{}/fausses-alertes", request.request_id);
    let intervention = [
        ("alert_date", today.as_str()),
        ("persons", "1"),
        ("hours", "1"),
        ("kilometres", "1"),
        ("vehicles", "1"),
    ];
    let refused = post(&app, &agent, &alert, &intervention).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A year on, the reminders still have nothing to count from.
    let db = database(&app).await;
    sqlx::query("UPDATE test_clock SET offset_days = 400")
        .execute(&db)
        .await
        .unwrap();
    let clock = alarmis_server::clock::Clock::adjustable(db.clone());
    let quiet = alarmis_server::mail::Notifier::new(None, &app.address, db.clone()).unwrap();
    let written = alarmis_server::jobs::reminders::run_once(&db, &clock, &quiet).await;
    assert_eq!(written.unwrap(), 0);
    sqlx::query("UPDATE test_clock SET offset_days = 0")
        .execute(&db)
        .await
        .unwrap();

    // Only an agent records the day, and only one between the approval and today.
    assert_eq!(
        connect(&app, &marie, &request, &today).await.status(),
        StatusCode::FORBIDDEN
    );
    for (day, message) in [
        (
            luxembourg_today(-3),
            "ne peut pas précéder l&#x27;approbation",
        ),
        (luxembourg_today(2), "ne peut pas être dans le futur"),
        (String::new(), "Indiquez le jour du raccordement"),
    ] {
        let refused = connect(&app, &agent, &request, &day).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        let text = refused.text().await.unwrap();
        assert!(
            text.contains(message) || text.contains(&message.replace("&#x27;", "'")),
            "{day}: {text}"
        );
    }
    let connected = connect(&app, &agent, &request, &today).await;
    assert_eq!(connected.status(), StatusCode::SEE_OTHER);

    // From that day on: the yearly dates count from it, the eSpace is told, the trail says who.
    let shown = page(&app, &marie, &site).await;
    assert!(shown.contains("Raccordé le"), "{shown}");
    assert!(shown.contains("À faire au plus tard"), "{shown}");
    assert_eq!(
        notices(&db).await,
        vec![("connected".to_owned(), Some(today.clone()))]
    );
    let inbox = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(
        inbox.contains("Votre site est raccordé depuis le"),
        "{inbox}"
    );
    let actions = audit_actions(&app, &request.request_id).await;
    assert!(
        actions.contains(&("connection_recorded".to_owned(), Some(today.clone()))),
        "{actions:?}"
    );
    let dates = alarmis_server::store::sites::site_dates(&db).await.unwrap();
    assert_eq!(dates.len(), 1);
    assert_eq!(dates[0].connected_on.iso(), today);
    db.close().await;
}

/// The false alerts of `site`, by cause: (id, cause).
async fn alerts_by_cause(db: &sqlx::AnyPool) -> Vec<(String, String)> {
    sqlx::query("SELECT id, cause FROM false_alerts ORDER BY cause")
        .fetch_all(db)
        .await
        .expect("false alerts")
        .iter()
        .map(|row| (sqlx::Row::get(row, "id"), sqlx::Row::get(row, "cause")))
        .collect()
}

#[tokio::test]
async fn a_fee_is_contested_with_a_reason_then_confirmed_or_cancelled_by_an_agent() {
    let _serial = one_at_a_time().await;
    let app = spawn_app_with(&[("ALARMIS_DEV_IDP", "on")]).await;
    let (marie, agent, request) = signed_in_with_a_site(&app).await;
    let today = luxembourg_today(0);
    let connected = connect(&app, &agent, &request, &today).await;
    assert_eq!(connected.status(), StatusCode::SEE_OTHER);
    let record = format!("/agent/sites/{}/fausses-alertes", request.request_id);
    for cause in ["technical_fault", "user_error"] {
        let intervention = [
            ("alert_date", today.as_str()),
            ("cause", cause),
            ("persons", "1"),
            ("hours", "1"),
            ("kilometres", "10"),
            ("vehicles", "1"),
        ];
        let recorded = post(&app, &agent, &record, &intervention).await;
        assert_eq!(recorded.status(), StatusCode::SEE_OTHER, "{cause}");
    }
    let db = database(&app).await;
    let alerts = alerts_by_cause(&db).await;
    let (fault, mistake) = (alerts[0].0.clone(), alerts[1].0.clone());
    assert_eq!(alerts[0].1, "technical_fault");

    // The site's page: each cause, the Police's request after the technical fault (its own
    // practice, said so), and a way to contest each fee.
    let site = site_path(&request);
    let shown = page(&app, &marie, &site).await;
    assert!(shown.contains("Défaut technique"), "{shown}");
    assert!(shown.contains("Erreur d"), "{shown}");
    assert!(
        shown.contains("certificat de vérification du système"),
        "{shown}"
    );
    assert_eq!(shown.matches("Contester ces frais").count(), 2);

    // Only a member contests, only with a reason, and only once.
    let contest = |alert: &str| format!("{site}/fausses-alertes/{alert}/contestation");
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    let reason = [(
        "contest_reason",
        "L'alarme avait un motif : une vitre brisée.",
    )];
    assert_eq!(
        post(&app, &luc, &contest(&fault), &reason).await.status(),
        StatusCode::NOT_FOUND
    );
    let empty = post(&app, &marie, &contest(&fault), &[("contest_reason", " ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty
        .text()
        .await
        .unwrap()
        .contains("Indiquez le motif de la contestation"));
    for alert in [&fault, &mistake] {
        let sent = post(&app, &marie, &contest(alert), &reason).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    }
    let again = post(&app, &marie, &contest(&fault), &reason).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    // An agent confirms with the Police's reasons, or cancels; a member cannot decide.
    let decide = |alert: &str| {
        format!(
            "/agent/sites/{}/fausses-alertes/{alert}/decision",
            request.request_id
        )
    };
    let agents_page = page(
        &app,
        &agent,
        &format!("/agent/sites/{}", request.request_id),
    )
    .await;
    assert_eq!(agents_page.matches("Décider de la contestation").count(), 2);
    assert_eq!(
        post(&app, &marie, &decide(&fault), &[("decision", "cancel")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let bare = post(&app, &agent, &decide(&fault), &[("decision", "confirm")]).await;
    assert_eq!(bare.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bare
        .text()
        .await
        .unwrap()
        .contains("Indiquez les motifs de la Police pour confirmer les frais"));
    let confirmed = [
        ("decision", "confirm"),
        (
            "decision_note",
            "Aucune trace d'effraction ; le détecteur était défaillant.",
        ),
    ];
    assert_eq!(
        post(&app, &agent, &decide(&fault), &confirmed)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post(&app, &agent, &decide(&mistake), &[("decision", "cancel")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post(&app, &agent, &decide(&mistake), &[("decision", "cancel")])
            .await
            .status(),
        StatusCode::CONFLICT
    );

    // The member reads both outcomes, with the Police's reasons, on the page and in the inbox.
    let shown = page(&app, &marie, &site).await;
    assert!(shown.contains("Frais confirmés par la Police après contestation"));
    assert!(shown.contains("le détecteur était défaillant"));
    assert!(shown.contains("rien n"), "{shown}");
    assert!(!shown.contains("Contester ces frais"));
    let inbox = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(inbox.contains("sont confirmés par la Police"), "{inbox}");
    assert!(inbox.contains("sont annulés par la Police"), "{inbox}");
    let actions: Vec<String> = audit_actions(&app, &request.request_id)
        .await
        .into_iter()
        .map(|(action, _)| action)
        .filter(|a| a.starts_with("fee_"))
        .collect();
    assert_eq!(
        actions,
        [
            "fee_contested",
            "fee_contested",
            "fee_confirmed",
            "fee_cancelled"
        ]
    );
    db.close().await;
}

#[tokio::test]
async fn a_fee_uses_the_index_in_force_on_the_alerts_day_not_on_the_day_it_is_recorded() {
    let _serial = one_at_a_time().await;
    let app = spawn_app_with(&[("ALARMIS_DEV_IDP", "on"), ("ALARMIS_PRICE_INDEX", "944.43")]).await;
    let (marie, agent, request) = signed_in_with_a_site(&app).await;
    let today = luxembourg_today(0);
    let connected = connect(&app, &agent, &request, &today).await;
    assert_eq!(connected.status(), StatusCode::SEE_OTHER);

    let tomorrow = luxembourg_today(1);
    let record = format!("/agent/sites/{}/fausses-alertes", request.request_id);
    // Before any entry: the configured value.
    record_unknown_alert(&app, &agent, &record, &today).await;

    // Only an agent enters a value, with a real day and a positive value; a value announced
    // for tomorrow changes nothing for an alert of today.
    let ahead = [("index_from", tomorrow.as_str()), ("index_value", "1000")];
    assert_eq!(
        post(&app, &marie, "/agent/sites/indice", &ahead)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let wrong = [("index_from", "2026-02-30"), ("index_value", "0")];
    let refused = post(&app, &agent, "/agent/sites/indice", &wrong).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = refused.text().await.unwrap();
    assert!(text.contains("Indiquez une date qui existe"), "{text}");
    assert!(
        text.contains("doit être un nombre positif, par exemple 968,04"),
        "{text}"
    );
    let entered = post(&app, &agent, "/agent/sites/indice", &ahead).await;
    assert_eq!(entered.status(), StatusCode::SEE_OTHER);
    record_unknown_alert(&app, &agent, &record, &today).await;

    // A value in force from today applies to an alert of today: 4 × 9.6804 = 38.72.
    let current = [("index_from", today.as_str()), ("index_value", "968,04")];
    let entered = post(&app, &agent, "/agent/sites/indice", &current).await;
    assert_eq!(entered.status(), StatusCode::SEE_OTHER);
    record_unknown_alert(&app, &agent, &record, &today).await;
    let list = page(&app, &agent, "/agent/sites").await;
    assert!(list.contains("944,43"), "the configured value is named");
    assert_eq!(list.matches("data-testid=\"index-entry\"").count(), 2);

    let db = database(&app).await;
    let stored: Vec<(String, Option<String>, String)> =
        sqlx::query("SELECT price_index, index_from, total FROM false_alerts ORDER BY recorded_at, COALESCE(index_from, '')")
            .fetch_all(&db)
            .await
            .unwrap()
            .iter()
            .map(|row| {
                (
                    sqlx::Row::get(row, "price_index"),
                    sqlx::Row::get(row, "index_from"),
                    sqlx::Row::get(row, "total"),
                )
            })
            .collect();
    assert_eq!(
        stored,
        vec![
            ("944.43".to_owned(), None, "37.78".to_owned()),
            ("944.43".to_owned(), None, "37.78".to_owned()),
            ("968.04".to_owned(), Some(today.clone()), "38.72".to_owned()),
        ]
    );
    let shown = page(&app, &marie, &site_path(&request)).await;
    assert!(shown.contains("en vigueur depuis le"), "{shown}");
    assert!(
        shown.contains("valeur fixée dans la configuration du portail"),
        "{shown}"
    );
    assert!(shown.contains("38,72 €"), "{shown}");
    let trail: Vec<(String, Option<String>)> = sqlx::query(
        "SELECT action, detail FROM audit_events WHERE action = 'index_entered'
         ORDER BY occurred_at",
    )
    .fetch_all(&db)
    .await
    .unwrap()
    .iter()
    .map(|row| (sqlx::Row::get(row, "action"), sqlx::Row::get(row, "detail")))
    .collect();
    assert_eq!(
        trail,
        vec![
            ("index_entered".to_owned(), Some(format!("{tomorrow}=1000"))),
            ("index_entered".to_owned(), Some(format!("{today}=968.04"))),
        ]
    );
    db.close().await;
}

/// An intervention of one person, no time, no vehicle, today: its fee is the administrative
/// fee alone.
async fn record_unknown_alert(app: &TestApp, agent: &reqwest::Client, action: &str, day: &str) {
    let intervention = [
        ("alert_date", day),
        ("cause", "unknown"),
        ("persons", "1"),
        ("hours", "0"),
        ("kilometres", "0"),
        ("vehicles", "0"),
    ];
    let recorded = post(app, agent, action, &intervention).await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
}
