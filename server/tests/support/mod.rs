//! Starts the real portal on a random loopback port with its own fresh SQLite database.

use std::net::SocketAddr;

use alarmis_server::{build_state, serve, Config};
use tempfile::TempDir;

pub struct TestApp {
    pub address: String,
    /// A client that does not follow redirects, so tests see them.
    pub client: reqwest::Client,
    pub data_dir: TempDir,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }
}

pub async fn spawn_app() -> TestApp {
    let data_dir = tempfile::tempdir().expect("a temporary folder");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr: SocketAddr = listener.local_addr().expect("the bound address");
    let data = data_dir.path().display().to_string();
    let config = Config::from_lookup(|key| match key {
        "ALARMIS_BIND_ADDR" => Some(addr.to_string()),
        "ALARMIS_DATA_DIR" => Some(data.clone()),
        _ => None,
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
    }
}
