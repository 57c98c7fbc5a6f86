//! Documents on an S3-compatible store: a change of configuration, not of code.

use crate::support::connection::{submit_connection, PDF};
use crate::support::s3::S3Server;
use crate::support::{database, get, sign_in, spawn_app_with, MARIE};
use reqwest::StatusCode;
use sqlx::Row;

#[tokio::test]
async fn uploads_and_receipts_go_to_the_bucket_and_come_back_from_it() {
    let s3 = S3Server::start().await;
    let mut settings = vec![("ALARMIS_DEV_IDP", "on".to_owned())];
    settings.extend(s3.settings("portal"));
    let settings: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = spawn_app_with(&settings).await;
    let marie = app.browser();
    sign_in(&app, &marie, MARIE).await;
    let submitted = submit_connection(&app, &marie, "Bijouterie Nuage").await;

    let keys = s3
        .keys(&format!("portal/requests/{}/", submitted.request_id))
        .await;
    assert_eq!(keys.len(), 3, "two files and the receipt: {keys:?}");
    assert!(keys.iter().any(|k| k.contains("/receipt-ALR-")));
    // Nothing went to the local folder.
    let local = app.data_dir.path().join("documents");
    assert!(
        !local.exists()
            || std::fs::read_dir(&local)
                .expect("a folder")
                .next()
                .is_none(),
        "documents written locally"
    );

    let db = database(&app).await;
    let plan: String =
        sqlx::query("SELECT id FROM request_documents WHERE request_id = $1 AND file_name = $2")
            .bind(&submitted.request_id)
            .bind("plan.pdf")
            .fetch_one(&db)
            .await
            .expect("the plan")
            .get("id");
    db.close().await;
    let file = get(
        &marie,
        app.url(&format!("{}/pieces/{plan}", submitted.page)),
    )
    .await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.bytes().await.expect("bytes").as_ref(), PDF);
    let receipt = get(
        &marie,
        app.url(&format!("{}/recepisse.pdf", submitted.page)),
    )
    .await;
    assert_eq!(receipt.status(), StatusCode::OK);
    assert!(receipt.bytes().await.expect("bytes").starts_with(b"%PDF-"));
}
