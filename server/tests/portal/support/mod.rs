//! Starts the real portal on a random loopback port with its own fresh SQLite database, and
//! walks through sign-in as a browser would.

#![allow(dead_code)]

pub mod clamd;
pub mod connection;
pub mod fake_idp;
pub mod s3;
pub mod smtp;

use std::net::SocketAddr;

use alarmis_server::{build_state, serve, Config};
use reqwest::header::LOCATION;
use reqwest::StatusCode;
use sqlx::Row;
use tempfile::TempDir;
use url::Url;

/// The built-in provider's police agent, listed as such in every test portal.
pub const AGENT: &str = "dev-agent-claude-muller";
pub const MARIE: &str = "dev-marie-schmit";
pub const LUC: &str = "dev-luc-weber";

pub struct TestApp {
    pub address: String,
    /// A client that does not follow redirects, so tests see them.
    pub client: reqwest::Client,
    pub data_dir: std::sync::Arc<TempDir>,
    /// The portal's database: SQLite in the data folder, or a PostgreSQL database of its own
    /// when `ALARMIS_TEST_POSTGRES` names a server.
    pub database_url: String,
}

/// The database for a data folder: with `ALARMIS_TEST_POSTGRES` (an admin URL such as
/// `postgres://postgres@127.0.0.1:5432/postgres`), a database named after the folder, created
/// on first use (a restart over the same folder finds it); else SQLite in the folder.
pub async fn database_url_for(data_dir: &std::path::Path) -> String {
    let Ok(admin) = std::env::var("ALARMIS_TEST_POSTGRES") else {
        return format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("alarmis.db").display()
        );
    };
    use sqlx::Connection;
    let name: String = format!(
        "alarmis_test_{}",
        data_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("x")
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    );
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("the PostgreSQL test server");
    let exists = sqlx::query("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut conn)
        .await
        .expect("pg_database")
        .is_some();
    if !exists {
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("a test database");
    }
    let base = admin
        .rsplit_once('/')
        .map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/{name}")
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A browser of its own: its own cookies, no automatic redirects.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("an HTTP client")
    }
}

/// The portal with the built-in provider on.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[("ALARMIS_DEV_IDP", "on")]).await
}

/// The portal with extra settings (the bind address, data folder and agent list are set here).
pub async fn spawn_app_with(settings: &[(&str, &str)]) -> TestApp {
    let data_dir = std::sync::Arc::new(tempfile::tempdir().expect("a temporary folder"));
    spawn_app_on(data_dir, settings).await
}

/// Another portal process over the same data folder (database, documents, keys), as after a
/// restart: what the first one saved must be there.
pub async fn restart(app: &TestApp) -> TestApp {
    spawn_app_on(app.data_dir.clone(), &[("ALARMIS_DEV_IDP", "on")]).await
}

/// Another process over the same data folder, with extra settings.
pub async fn restart_with(app: &TestApp, settings: &[(&str, &str)]) -> TestApp {
    spawn_app_on(app.data_dir.clone(), settings).await
}

/// A portal over a data folder prepared beforehand (a restored backup): the built-in provider on.
pub async fn spawn_app_in(data_dir: TempDir) -> TestApp {
    spawn_app_on(std::sync::Arc::new(data_dir), &[("ALARMIS_DEV_IDP", "on")]).await
}

async fn spawn_app_on(data_dir: std::sync::Arc<TempDir>, settings: &[(&str, &str)]) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr: SocketAddr = listener.local_addr().expect("the bound address");
    let data = data_dir.path().display().to_string();
    let database_url = database_url_for(data_dir.path()).await;
    let db_url = database_url.clone();
    let settings: Vec<(String, String)> = settings
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let config = Config::from_lookup(|key| match key {
        "ALARMIS_BIND_ADDR" => Some(addr.to_string()),
        "ALARMIS_DATA_DIR" => Some(data.clone()),
        "ALARMIS_AGENT_SUBJECTS" => Some(AGENT.to_owned()),
        "DATABASE_URL" => Some(db_url.clone()),
        _ => settings
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone()),
    })
    .expect("a valid test configuration");
    let state = build_state(config).await.expect("the portal starts");
    tokio::spawn(async move {
        let _ = serve(listener, state).await;
    });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client");
    TestApp {
        address: format!("http://{addr}"),
        client,
        data_dir,
        database_url,
    }
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .expect("a Location header")
        .to_str()
        .expect("text")
        .to_owned()
}

/// Resolves a Location against the portal's address.
pub fn absolute(app: &TestApp, location: &str) -> String {
    if location.starts_with("http") {
        location.to_owned()
    } else {
        app.url(location)
    }
}

/// `/auth/login` → the provider's authorize URL.
pub async fn start_sign_in(app: &TestApp, browser: &reqwest::Client) -> Url {
    let response = browser
        .get(app.url("/auth/login?return_to=/espace"))
        .send()
        .await
        .expect("login");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    Url::parse(&location(&response)).expect("an authorize URL")
}

/// On the built-in provider's choice page, picks `subject` and `means`; returns the callback
/// URL the provider sends the browser back to.
pub async fn choose_identity(
    browser: &reqwest::Client,
    authorize: &Url,
    subject: &str,
    means: &str,
) -> String {
    let page = browser
        .get(authorize.as_str())
        .send()
        .await
        .expect("choice page");
    assert_eq!(page.status(), StatusCode::OK);
    let mut form: Vec<(String, String)> = authorize.query_pairs().into_owned().collect();
    form.push(("identity".into(), subject.into()));
    form.push(("means".into(), means.into()));
    form.push(("action".into(), "sign-in".into()));
    let mut post_url = authorize.clone();
    post_url.set_query(None);
    let response = browser
        .post(post_url)
        .form(&form)
        .send()
        .await
        .expect("choice");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response)
}

/// A complete sign-in through the built-in provider; the browser ends signed in. Returns the
/// callback's answer, which sets the session cookie.
pub async fn sign_in(app: &TestApp, browser: &reqwest::Client, subject: &str) -> reqwest::Response {
    let authorize = start_sign_in(app, browser).await;
    let callback = choose_identity(browser, &authorize, subject, "luxtrust").await;
    let response = browser.get(&callback).send().await.expect("callback");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        "/espace",
        "signed in, back to the eSpace"
    );
    response
}

/// A valid business eSpace form, as the plain HTML form posts it.
pub fn business_form(company: &str) -> Vec<(&'static str, String)> {
    vec![
        ("company_name", company.to_owned()),
        ("legal_form", "sarl".into()),
        ("rcs_number", "B123456".into()),
        ("street", "Grand-Rue".into()),
        ("house_number", "12".into()),
        ("postcode", "L-1660".into()),
        ("locality", "Luxembourg".into()),
        ("email", "contact@example.lu".into()),
        ("phone", "+352 621 123 456".into()),
    ]
}

/// Creates a business eSpace through the no-JavaScript form; returns its page's path.
pub async fn create_business(app: &TestApp, browser: &reqwest::Client, company: &str) -> String {
    let response = browser
        .post(app.url("/espace/entreprises/nouvelle"))
        .form(&business_form(company))
        .send()
        .await
        .expect("create");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "created");
    location(&response)
}

/// A page that must answer 200, as HTML text.
pub async fn page(app: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    let response = get(browser, app.url(path)).await;
    assert_eq!(response.status(), reqwest::StatusCode::OK, "{path}");
    response.text().await.expect("html")
}

/// A GET as a browser would send it.
pub async fn get(browser: &reqwest::Client, url: String) -> reqwest::Response {
    browser.get(&url).send().await.expect("a response")
}

/// Runs the tests that hold it one at a time. The wizard's tests, run in parallel in one
/// process (one Tokio runtime per test, one Leptos runtime for all), hung about once in twelve
/// runs with every task idle: a lost wake-up we have not traced. The portal itself runs one
/// runtime and did not show it under load (wrk, 32 connections of refused step posts).
pub async fn one_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    SERIAL.lock().await
}

/// The text a PDF shows (the portal's PDFs: one `Tj` per line, literal or hex strings).
pub fn shown_text(pdf: &[u8]) -> String {
    let source = String::from_utf8_lossy(pdf);
    let mut text = String::new();
    for line in source.lines().filter(|l| l.trim_end().ends_with("Tj")) {
        let line = line.trim();
        if let Some(hex) = line.strip_prefix('<').and_then(|l| l.split('>').next()) {
            let bytes: Vec<u8> = (0..hex.len() / 2)
                .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
                .collect();
            text.extend(bytes.iter().map(|b| char::from(*b)));
        } else if let Some(literal) = line.strip_prefix('(').and_then(|l| l.rsplit_once(')')) {
            text.push_str(literal.0);
        }
        text.push('\n');
    }
    text
}

/// The test portal's own database, to look at what it stored or to age a record.
pub async fn database(app: &TestApp) -> sqlx::AnyPool {
    alarmis_server::store::pool::connect_and_migrate(&app.database_url, app.data_dir.path())
        .await
        .expect("the test database")
}

/// A form posted as a browser without JavaScript posts it.
pub async fn post(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    browser
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .expect("post")
}

/// The actions recorded for a request, in order.
pub async fn audit_actions(app: &TestApp, request_id: &str) -> Vec<(String, Option<String>)> {
    let db = database(app).await;
    let rows = sqlx::query(
        "SELECT action, detail FROM audit_events WHERE request_id = $1 ORDER BY occurred_at, id",
    )
    .bind(request_id)
    .fetch_all(&db)
    .await
    .expect("audit rows")
    .iter()
    .map(|row| (row.get("action"), row.get("detail")))
    .collect();
    db.close().await;
    rows
}
