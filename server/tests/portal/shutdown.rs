//! The binary as operators run it: configured by environment, stopped by SIGTERM.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A port that was free a moment ago: the binary must bind it itself, by configuration.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}

#[tokio::test]
async fn sigterm_stops_the_server_cleanly_after_it_served() {
    let data_dir = tempfile::tempdir().expect("a temporary folder");
    let port = free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("ALARMIS_BIND_ADDR", format!("127.0.0.1:{port}"))
        .env("ALARMIS_DATA_DIR", data_dir.path())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts");

    let health = format!("http://127.0.0.1:{port}/healthz");
    let started = Instant::now();
    loop {
        let healthy = reqwest::get(&health)
            .await
            .is_ok_and(|response| response.status().is_success());
        if healthy {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server never became healthy"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let kill = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let stopped = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().expect("the server's status") {
            break status;
        }
        assert!(
            stopped.elapsed() < Duration::from_secs(10),
            "the server ignored SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        status.success(),
        "a graceful stop exits with success, not {status}"
    );
}

#[test]
fn a_malformed_setting_stops_the_start_with_a_message_naming_it() {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("ALARMIS_BIND_ADDR", "not-an-address")
        .output()
        .expect("the server binary runs");
    assert!(!output.status.success());
    let logs = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    assert!(logs.contains("ALARMIS_BIND_ADDR"), "{logs}");
}
