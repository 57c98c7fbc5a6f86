//! An S3-compatible store on loopback for the object-store tests: moto's server (installed by
//! `scripts/setup` beside aiosmtpd), with one empty bucket.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct S3Server {
    pub endpoint: String,
    pub bucket: &'static str,
    child: Child,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl S3Server {
    /// Starts moto on a free loopback port and creates the bucket `alarmis-documents`.
    pub async fn start() -> S3Server {
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
            probe.local_addr().expect("its address").port()
        };
        let python = super::smtp::python();
        let child = Command::new(&python)
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start moto with {} ({e}): run scripts/setup",
                    python.display()
                )
            });
        let server = S3Server {
            endpoint: format!("http://127.0.0.1:{port}"),
            bucket: "alarmis-documents",
            child,
        };
        let client = reqwest::Client::new();
        let started = Instant::now();
        loop {
            let created = client
                .put(format!("{}/{}", server.endpoint, server.bucket))
                .send()
                .await;
            if created.is_ok_and(|r| r.status().is_success()) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "moto did not start on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        server
    }

    /// The keys under `prefix` in the bucket (S3's ListObjectsV2).
    pub async fn keys(&self, prefix: &str) -> Vec<String> {
        let listing = reqwest::Client::new()
            .get(format!(
                "{}/{}?list-type=2&prefix={prefix}",
                self.endpoint, self.bucket
            ))
            .send()
            .await
            .expect("a listing")
            .text()
            .await
            .expect("XML");
        listing
            .split("<Key>")
            .skip(1)
            .filter_map(|rest| rest.split("</Key>").next())
            .map(str::to_owned)
            .collect()
    }

    /// The portal's settings for this store, documents under `prefix`.
    pub fn settings(&self, prefix: &str) -> Vec<(&'static str, String)> {
        vec![
            (
                "ALARMIS_DOCUMENTS_URL",
                format!("s3://{}/{prefix}", self.bucket),
            ),
            ("AWS_ENDPOINT", self.endpoint.clone()),
            ("AWS_ALLOW_HTTP", "true".to_owned()),
            ("AWS_ACCESS_KEY_ID", "alarmis-test".to_owned()),
            ("AWS_SECRET_ACCESS_KEY", "alarmis-test-secret".to_owned()),
            ("AWS_REGION", "eu-west-1".to_owned()),
        ]
    }
}
