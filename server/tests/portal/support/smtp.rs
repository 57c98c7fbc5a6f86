//! A real SMTP server on loopback for the notification tests: Python's `aiosmtpd` (installed by
//! `scripts/setup` in its own virtual environment) writing every mail it receives to a maildir.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub struct SmtpSink {
    pub port: u16,
    maildir: TempDir,
    child: Child,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The Python with aiosmtpd: `ALARMIS_TEST_PYTHON`, else scripts/setup's virtual environment.
pub fn python() -> PathBuf {
    if let Some(path) = std::env::var_os("ALARMIS_TEST_PYTHON") {
        return PathBuf::from(path);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .expect("HOME or XDG_CACHE_HOME");
    cache.join("alarmis/tools/py/bin/python")
}

impl SmtpSink {
    /// Starts the server on a free loopback port and waits until it accepts connections.
    pub async fn start() -> SmtpSink {
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
            probe.local_addr().expect("its address").port()
        };
        let maildir = tempfile::tempdir().expect("a maildir");
        let python = python();
        let child = Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir.path().join("mail"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start aiosmtpd with {} ({e}): run scripts/setup",
                    python.display()
                )
            });
        let started = Instant::now();
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "aiosmtpd did not start on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        SmtpSink {
            port,
            maildir,
            child,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received so far, headers as sent and the body decoded from
    /// quoted-printable (which cuts long lines such as links).
    pub fn mails(&self) -> Vec<String> {
        let new = self.maildir.path().join("mail/new");
        let mut mails: Vec<String> = std::fs::read_dir(&new)
            .map(|entries| {
                entries
                    .filter_map(|entry| std::fs::read(entry.ok()?.path()).ok())
                    .map(|raw| decode_quoted_printable(&raw))
                    .collect()
            })
            .unwrap_or_default();
        mails.sort();
        mails
    }

    /// Waits (the notifier sends in the background) until `n` mails arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<String> {
        let started = Instant::now();
        loop {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "{} mails arrived, {n} expected",
                mails.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Soft line breaks (`=` at a line's end) removed, `=XX` bytes decoded.
fn decode_quoted_printable(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'=' if raw.get(i + 1) == Some(&b'\n') => i += 2,
            b'=' if raw.get(i + 1..i + 3) == Some(b"\r\n") => i += 3,
            b'=' => match raw
                .get(i + 1..i + 3)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            {
                Some(byte) => {
                    out.push(byte);
                    i += 3;
                }
                None => {
                    out.push(b'=');
                    i += 1;
                }
            },
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
