//! The Police's back office through its plain forms: the queue, taking a case, asking the
//! applicant, the answer with a file, approval with its client number, refusal with its
//! reason; the inbox and the notification mails (a real SMTP server on loopback); who may do
//! what; two agents at once; and the audit trail every action leaves.

use crate::support::connection::{submit_connection, SubmittedRequest, PDF, PNG};
use crate::support::smtp::SmtpSink;
use crate::support::*;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use sqlx::Row;

fn case_path(request: &SubmittedRequest) -> String {
    format!("/agent/demandes/{}", request.request_id)
}

async fn act(
    app: &TestApp,
    agent: &reqwest::Client,
    request: &SubmittedRequest,
    action: &str,
    form: &[(&str, &str)],
) -> StatusCode {
    post(
        app,
        agent,
        &format!("{}/{action}", case_path(request)),
        form,
    )
    .await
    .status()
}

async fn answer(
    app: &TestApp,
    browser: &reqwest::Client,
    request: &SubmittedRequest,
    text: &str,
    file: Option<(&str, &[u8])>,
) -> reqwest::Response {
    let mut form = Form::new()
        .text("answer", text.to_owned())
        .text("kind", "building-plan");
    if let Some((name, bytes)) = file {
        form = form.part(
            "file",
            Part::bytes(bytes.to_vec()).file_name(name.to_owned()),
        );
    }
    browser
        .post(app.url(&request.page))
        .multipart(form)
        .send()
        .await
        .expect("answer")
}

#[tokio::test]
async fn a_case_goes_through_review_question_answer_and_approval_with_mails() {
    let _serial = one_at_a_time().await;
    let smtp = SmtpSink::start().await;
    let app = spawn_app_with(&[
        ("ALARMIS_DEV_IDP", "on"),
        ("ALARMIS_SMTP_URL", &smtp.url()),
        ("ALARMIS_MAIL_FROM", "ALARMIS <no-reply@alarmis.test>"),
    ])
    .await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let request = submit_connection(&app, &marie, "Bijouterie Schmit").await;
    let agent = app.browser();
    sign_in(&app, &agent, AGENT).await;

    // The queue finds it by company, RCS number and locality, and not by something else.
    for search in ["bijouterie", "B123456", "luxembourg"] {
        let listed = page(&app, &agent, &format!("/agent?q={search}")).await;
        assert!(listed.contains("1 dossier."), "{search}");
        assert!(listed.contains("Bijouterie Schmit"), "{search}");
    }
    let none = page(&app, &agent, "/agent?q=Esch-sur-Alzette").await;
    assert!(none.contains("Aucun dossier ne correspond."));
    let waiting_only = page(&app, &agent, "/agent?statut=waiting").await;
    assert!(waiting_only.contains("Aucun dossier ne correspond."));

    // No decision before the case is taken; taking it tells the applicant.
    assert_eq!(
        act(
            &app,
            &agent,
            &request,
            "decision",
            &[("decision", "approve")]
        )
        .await,
        StatusCode::CONFLICT
    );
    assert_eq!(
        act(
            &app,
            &agent,
            &request,
            "question",
            &[("question", "Plan ?")]
        )
        .await,
        StatusCode::CONFLICT
    );
    assert_eq!(
        act(&app, &agent, &request, "prise", &[]).await,
        StatusCode::SEE_OTHER
    );
    let mails = smtp.wait_for(1).await;
    let link = format!("{}{}/messages", app.address, request.business);
    assert!(
        mails[0].contains(&link),
        "the mail links the inbox: {}",
        mails[0]
    );
    assert!(
        mails[0].contains("X-RcptTo: contact@example.lu"),
        "{}",
        mails[0]
    );
    for private in ["Bijouterie", "Schmit", "ALR-", "Marie"] {
        assert!(!mails[0].contains(private), "no {private} in the mail");
    }
    let espace = page(&app, &marie, &request.business).await;
    assert!(
        espace.contains("1 non lu"),
        "the eSpace shows an unread message"
    );
    let inbox = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(
        inbox.contains("Votre demande est en cours d&#x27;examen.")
            || inbox.contains("Votre demande est en cours d'examen.")
    );
    assert!(inbox.contains("Nouveau"));
    let again = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(!again.contains("Nouveau"), "read once opened");
    assert!(!page(&app, &marie, &request.business)
        .await
        .contains("non lu"));

    // A question needs words; then the case waits for the applicant.
    assert_eq!(
        act(&app, &agent, &request, "question", &[("question", "  ")]).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let question = "Merci d'ajouter le plan du premier étage.";
    assert_eq!(
        act(
            &app,
            &agent,
            &request,
            "question",
            &[("question", question)]
        )
        .await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        act(
            &app,
            &agent,
            &request,
            "question",
            &[("question", "Et encore ?")]
        )
        .await,
        StatusCode::CONFLICT,
        "one open question at a time"
    );
    smtp.wait_for(2).await;
    let asked = page(&app, &marie, &request.page).await;
    assert!(asked.contains("Complément demandé"));
    assert!(asked.contains("plan du premier étage"));

    // The answer: nothing is refused with its message; a file of the wrong type too.
    let empty = answer(&app, &marie, &request, " ", None).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty
        .text()
        .await
        .unwrap()
        .contains("Écrivez une réponse ou ajoutez un fichier"));
    let wrong = answer(
        &app,
        &marie,
        &request,
        "Voici",
        Some(("plan.pdf", b"MZ\x90\0not a pdf at all")),
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        wrong.text().await.unwrap().contains("Voici"),
        "the typed answer is kept"
    );
    let answered = answer(
        &app,
        &marie,
        &request,
        "Voici le plan.",
        Some(("etage.png", PNG)),
    )
    .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let back = page(&app, &marie, &request.page).await;
    assert!(back.contains("En cours d&#x27;examen") || back.contains("En cours d'examen"));

    // The agent sees the answer and the new file, views and downloads it.
    let case = page(&app, &agent, &case_path(&request)).await;
    assert!(case.contains("Voici le plan.") && case.contains("etage.png"));
    let db = database(&app).await;
    let document_id: String = sqlx::query(
        "SELECT id FROM request_documents WHERE request_id = $1 AND file_name = 'etage.png'",
    )
    .bind(&request.request_id)
    .fetch_one(&db)
    .await
    .unwrap()
    .get("id");
    db.close().await;
    let document = format!("{}/pieces/{document_id}", case_path(&request));
    let downloaded = get(&agent, app.url(&document)).await;
    assert_eq!(downloaded.status(), StatusCode::OK);
    assert!(downloaded.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(downloaded.bytes().await.unwrap().as_ref(), PNG);
    let viewed = get(&agent, app.url(&format!("{document}?voir=1"))).await;
    assert_eq!(viewed.headers()["content-type"], "image/png");
    assert!(viewed.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("inline"));

    // Approval issues the first client number of the sequence; the applicant sees it.
    assert_eq!(
        act(
            &app,
            &agent,
            &request,
            "decision",
            &[("decision", "approve")]
        )
        .await,
        StatusCode::SEE_OTHER
    );
    let approved = page(&app, &marie, &request.page).await;
    assert!(approved.contains("Approuvée") && approved.contains("AL-700001"));
    assert!(approved.contains("POST Luxembourg"), "the next steps");
    let receipt = get(&marie, app.url(&format!("{}/recepisse.pdf", request.page))).await;
    assert_eq!(
        receipt.status(),
        StatusCode::OK,
        "the receipt stays after a decision"
    );
    let inbox = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(inbox.contains("Votre demande est approuvée.") && inbox.contains("AL-700001"));
    // Prometheus sees the submission and the decision.
    let metrics = page(&app, &app.client, "/metrics").await;
    assert!(
        metrics.contains("alarmis_requests_submitted_total{procedure=\"connection\"} 1"),
        "{metrics}"
    );
    assert!(metrics
        .contains("alarmis_decisions_total{decision=\"approved\",procedure=\"connection\"} 1"));
    let mails = smtp.wait_for(3).await;
    assert_eq!(mails.len(), 3, "taken, question, approval");

    // Every action left its row, in order.
    let actions: Vec<String> = audit_actions(&app, &request.request_id)
        .await
        .into_iter()
        .map(|(action, _)| action)
        .filter(|action| action != "case_viewed")
        .collect();
    assert_eq!(
        actions,
        [
            "submitted",
            "case_taken",
            "information_requested",
            "applicant_answered",
            "document_added",
            "document_downloaded",
            "document_viewed",
            "approved",
        ]
    );
    let rows = audit_actions(&app, &request.request_id).await;
    assert!(
        rows.iter().any(|(a, _)| a == "case_viewed"),
        "the agent's look"
    );
    assert!(rows.contains(&("approved".to_owned(), Some("AL-700001".to_owned()))));
    let db = database(&app).await;
    let sign_ins: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'signed_in' AND request_id IS NULL",
    )
    .fetch_one(&db)
    .await
    .unwrap()
    .get("n");
    assert_eq!(sign_ins, 2, "Marie's and the agent's sign-ins");
    // Append-only: the database itself refuses to change or remove a row.
    assert!(sqlx::query("UPDATE audit_events SET action = 'nothing'")
        .execute(&db)
        .await
        .is_err());
    assert!(sqlx::query("DELETE FROM audit_events")
        .execute(&db)
        .await
        .is_err());
    db.close().await;

    // The history on the case page and its CSV export (itself recorded).
    let case = page(&app, &agent, &case_path(&request)).await;
    assert!(case.contains("Demande approuvée") && case.contains("Dossier pris en charge"));
    let csv = get(
        &agent,
        app.url(&format!("{}/journal.csv", case_path(&request))),
    )
    .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let text = csv.text().await.unwrap();
    assert!(text.starts_with("occurred_at,actor_id,actor_name,actor_role,action,"));
    assert!(text.contains(",agent,approved,") && text.contains("AL-700001"));
    assert!(text.contains("Claude Muller"));
    let rows = audit_actions(&app, &request.request_id).await;
    assert_eq!(rows.last().unwrap().0, "trail_exported");
}

#[tokio::test]
async fn applicants_reach_no_agent_page_or_action_and_a_refusal_reaches_them_with_its_reason() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let request = submit_connection(&app, &marie, "Bijouterie Schmit").await;
    let case = case_path(&request);

    for path in [
        "/agent".to_owned(),
        "/agent/journal.csv".to_owned(),
        case.clone(),
        format!("{case}/journal.csv"),
        format!("{case}/pieces/anything"),
    ] {
        assert_eq!(
            get(&marie, app.url(&path)).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    for action in ["prise", "question", "decision"] {
        assert_eq!(
            act(
                &app,
                &marie,
                &request,
                action,
                &[("decision", "approve"), ("question", "x")]
            )
            .await,
            StatusCode::FORBIDDEN,
            "{action}"
        );
    }
    let load_case = format!("request_id={}", request.request_id);
    for (function, body) in [
        ("case_queue", "query[page]=1"),
        ("load_case", load_case.as_str()),
    ] {
        let called = marie
            .post(app.url(&format!("/api/{function}")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned())
            .send()
            .await
            .unwrap();
        assert_eq!(called.status(), StatusCode::FORBIDDEN, "{function}");
    }
    // Not signed in: the page asks to sign in; an action is sent to sign in.
    let stranger = app.browser();
    assert_eq!(
        get(&stranger, app.url(&case)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        act(&app, &stranger, &request, "prise", &[]).await,
        StatusCode::SEE_OTHER
    );

    // The applicant's own download of a submitted request's file is in the trail too.
    let db = database(&app).await;
    let plan: String = sqlx::query(
        "SELECT id FROM request_documents WHERE request_id = $1 AND file_name = 'plan.pdf'",
    )
    .bind(&request.request_id)
    .fetch_one(&db)
    .await
    .unwrap()
    .get("id");
    let downloaded = get(&marie, app.url(&format!("{}/pieces/{plan}", request.page))).await;
    assert_eq!(downloaded.bytes().await.unwrap().as_ref(), PDF);
    let by_applicant: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM audit_events WHERE request_id = $1
         AND action = 'document_downloaded' AND actor_role = 'applicant' AND detail = $2",
    )
    .bind(&request.request_id)
    .bind(&plan)
    .fetch_one(&db)
    .await
    .unwrap()
    .get("n");
    assert_eq!(by_applicant, 1);
    db.close().await;

    // Nothing to answer yet: the answer route changes nothing.
    let early = answer(&app, &marie, &request, "Bonjour", None).await;
    assert_eq!(early.status(), StatusCode::SEE_OTHER);
    assert!(audit_actions(&app, &request.request_id)
        .await
        .iter()
        .all(|(a, _)| a != "applicant_answered"));

    // Another eSpace's member finds neither the inbox nor the request.
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    assert_eq!(
        get(&luc, app.url(&format!("{}/messages", request.business)))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    let agent = app.browser();
    sign_in(&app, &agent, AGENT).await;
    // Only the actions' own addresses show the case (a refused form comes back there).
    assert_eq!(
        get(&agent, app.url(&format!("{case}/anything")))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&agent, app.url(&format!("{case}/question")))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        act(&app, &agent, &request, "prise", &[]).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        act(
            &app,
            &agent,
            &request,
            "decision",
            &[("decision", "refuse"), ("reason", "")]
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let reason = "Le système décrit est une alarme incendie : adressez-vous au CGDIS.";
    assert_eq!(
        act(
            &app,
            &agent,
            &request,
            "decision",
            &[("decision", "refuse"), ("reason", reason)]
        )
        .await,
        StatusCode::SEE_OTHER
    );
    // Decided: nothing moves it any more.
    for (action, form) in [
        ("prise", vec![]),
        ("question", vec![("question", "Encore ?")]),
        ("decision", vec![("decision", "approve")]),
    ] {
        assert_eq!(
            act(&app, &agent, &request, action, &form).await,
            StatusCode::CONFLICT,
            "{action} after the refusal"
        );
    }
    let refused = page(&app, &marie, &request.page).await;
    assert!(refused.contains("Refusée") && refused.contains("adressez-vous au CGDIS"));
    assert!(!refused.contains("AL-7"), "no client number on a refusal");
    let inbox = page(&app, &marie, &format!("{}/messages", request.business)).await;
    assert!(
        inbox.contains("Votre demande est refusée.") && inbox.contains("adressez-vous au CGDIS")
    );
    let rows = audit_actions(&app, &request.request_id).await;
    assert!(rows.iter().any(|(a, _)| a == "refused"));

    // A draft is nobody's case: no action reaches it.
    let draft = post(&app, &marie, &format!("{}/demandes", request.business), &[]).await;
    let draft_id = location(&draft)
        .trim_end_matches("/demandeur")
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    for action in ["prise", "decision"] {
        let skipped = post(
            &app,
            &agent,
            &format!("/agent/demandes/{draft_id}/{action}"),
            &[("decision", "approve")],
        )
        .await;
        assert_eq!(
            skipped.status(),
            StatusCode::NOT_FOUND,
            "{action} on a draft"
        );
    }
}

#[tokio::test]
async fn two_agents_deciding_at_once_give_one_decision_and_numbers_are_never_reused() {
    let _serial = one_at_a_time().await;
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let first = submit_connection(&app, &marie, "Bijouterie Schmit").await;
    let luc = app.browser();
    sign_in(&app, &luc, LUC).await;
    let second = submit_connection(&app, &luc, "Überwachung Weber").await;
    let (one, two) = (app.browser(), app.browser());
    sign_in(&app, &one, AGENT).await;
    sign_in(&app, &two, AGENT).await;
    // Found whatever the case of its letters, accented ones included ("ÜBER" by "über").
    let found = page(&app, &one, "/agent?q=%C3%BCberwachung").await;
    assert!(found.contains("1 dossier.") && found.contains("Überwachung Weber"));
    assert_eq!(
        act(&app, &one, &first, "prise", &[]).await,
        StatusCode::SEE_OTHER
    );
    let (a, b) = tokio::join!(
        act(&app, &one, &first, "decision", &[("decision", "approve")]),
        act(
            &app,
            &two,
            &first,
            "decision",
            &[("decision", "refuse"), ("reason", "Doublon")]
        ),
    );
    let mut statuses = [a, b];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT]);
    let decisions: Vec<String> = audit_actions(&app, &first.request_id)
        .await
        .into_iter()
        .map(|(a, _)| a)
        .filter(|a| a == "approved" || a == "refused")
        .collect();
    assert_eq!(decisions.len(), 1, "one decision recorded: {decisions:?}");

    // Two approvals of different cases at once: two different numbers, in sequence.
    let third = submit_connection(&app, &marie, "Bijouterie Schmit Esch").await;
    for request in [&second, &third] {
        assert_eq!(
            act(&app, &one, request, "prise", &[]).await,
            StatusCode::SEE_OTHER
        );
    }
    let (x, y) = tokio::join!(
        act(&app, &one, &second, "decision", &[("decision", "approve")]),
        act(&app, &two, &third, "decision", &[("decision", "approve")]),
    );
    assert_eq!((x, y), (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER));
    let db = database(&app).await;
    let numbers: Vec<String> = sqlx::query(
        "SELECT client_number FROM requests WHERE client_number IS NOT NULL ORDER BY client_number",
    )
    .fetch_all(&db)
    .await
    .unwrap()
    .iter()
    .map(|row| row.get("client_number"))
    .collect();
    db.close().await;
    let expected: Vec<&str> = if decisions[0] == "approved" {
        vec!["AL-700001", "AL-700002", "AL-700003"]
    } else {
        vec!["AL-700001", "AL-700002"]
    };
    assert_eq!(numbers, expected);
}
