//! scripts/backup and scripts/restore, on the engine the tests run on (SQLite, or PostgreSQL
//! with ALARMIS_TEST_POSTGRES): a portal restored from a backup has the same requests, their
//! history and their documents.

use std::path::Path;
use std::process::Command;

use crate::support::connection::{submit_connection, PDF};
use crate::support::{
    database, database_url_for, get, sign_in, spawn_app, spawn_app_in, AGENT, MARIE,
};
use reqwest::StatusCode;
use sqlx::Row;

fn script(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../scripts")
        .join(name)
}

/// Runs scripts/`name` on `folder` for the portal at `database_url` over `data_dir`.
fn run(name: &str, folder: &Path, database_url: &str, data_dir: &Path) -> std::process::Output {
    Command::new("bash")
        .arg(script(name))
        .arg(folder)
        .env("DATABASE_URL", database_url)
        .env("ALARMIS_DATA_DIR", data_dir)
        .output()
        .expect("the script runs")
}

/// Every request's id, reference and status, and the number of audit rows and documents.
async fn contents(
    app: &crate::support::TestApp,
) -> (Vec<(String, Option<String>, String)>, i64, i64) {
    let db = database(app).await;
    let requests = sqlx::query("SELECT id, reference, status FROM requests ORDER BY id")
        .fetch_all(&db)
        .await
        .expect("requests")
        .iter()
        .map(|row| (row.get("id"), row.get("reference"), row.get("status")))
        .collect();
    let count = |table: &'static str| {
        let db = db.clone();
        async move {
            sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}"))
                .fetch_one(&db)
                .await
                .expect("a count")
                .get::<i64, _>("n")
        }
    };
    let audit = count("audit_events").await;
    let documents = count("request_documents").await;
    db.close().await;
    (requests, audit, documents)
}

#[tokio::test]
async fn a_restored_backup_holds_the_same_requests_and_documents() {
    let app = spawn_app().await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let submitted = submit_connection(&app, &marie, "Bijouterie Sauvegarde").await;
    let before = contents(&app).await;
    assert_eq!(before.0.len(), 1);
    let reference = before.0[0].1.clone().expect("a reference");

    let backups = tempfile::tempdir().expect("a folder");
    let folder = backups.path().join("2026-11-24");
    let made = run("backup", &folder, &app.database_url, app.data_dir.path());
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let manifest = std::fs::read_to_string(folder.join("MANIFEST")).expect("a manifest");
    assert!(
        manifest.contains("documents=3"),
        "two uploads and the receipt: {manifest}"
    );
    // A backup never lands on top of another.
    let again = run("backup", &folder, &app.database_url, app.data_dir.path());
    assert!(!again.status.success());

    // Restored into a new data folder and a new, empty database.
    let new_dir = tempfile::tempdir().expect("a folder");
    let new_url = database_url_for(new_dir.path()).await;
    let restored = run("restore", &folder, &new_url, new_dir.path());
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    // Restore never merges into data that is there.
    let twice = run("restore", &folder, &new_url, new_dir.path());
    assert!(!twice.status.success());

    let portal = spawn_app_in(new_dir).await;
    assert_eq!(contents(&portal).await, before);
    // Through the portal: the agent finds the request by its reference and opens its files.
    let agent = portal.browser();
    sign_in(&portal, &agent, AGENT).await;
    let queue = get(&agent, portal.url(&format!("/agent?q={reference}"))).await;
    assert_eq!(queue.status(), StatusCode::OK);
    assert!(queue
        .text()
        .await
        .expect("the queue")
        .contains("Bijouterie Sauvegarde"));
    let db = database(&portal).await;
    let document: String =
        sqlx::query("SELECT id FROM request_documents WHERE request_id = $1 AND file_name = $2")
            .bind(&submitted.request_id)
            .bind("plan.pdf")
            .fetch_one(&db)
            .await
            .expect("the plan")
            .get("id");
    db.close().await;
    let file = get(
        &agent,
        portal.url(&format!(
            "/agent/demandes/{}/pieces/{document}",
            submitted.request_id
        )),
    )
    .await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.bytes().await.expect("bytes").as_ref(), PDF);
}

#[tokio::test]
async fn restore_refuses_a_damaged_backup() {
    let app = spawn_app().await;
    let backups = tempfile::tempdir().expect("a folder");
    let folder = backups.path().join("b");
    assert!(
        run("backup", &folder, &app.database_url, app.data_dir.path())
            .status
            .success()
    );
    let dump = std::fs::read_dir(&folder)
        .expect("the folder")
        .map(|e| e.expect("an entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "db" || e == "pgdump"))
        .expect("the database copy");
    let mut bytes = std::fs::read(&dump).expect("the copy");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&dump, bytes).expect("damaged");
    let new_dir = tempfile::tempdir().expect("a folder");
    let new_url = database_url_for(new_dir.path()).await;
    let refused = run("restore", &folder, &new_url, new_dir.path());
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("checksums"));
}
