//! ClamAV's real `clamd` on loopback for the upload-scan tests (Debian's `clamav-daemon`,
//! installed by `scripts/setup`). Its database is one signature of ours, which finds the
//! EICAR test string anywhere in a file: the official databases come by download, which these
//! machines cannot make, and the EICAR string is what every scanner is tested with.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The EICAR test string: harmless, and recognised as "a virus" by design.
pub const EICAR: &[u8] = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

pub struct Clamd {
    pub port: u16,
    child: Child,
    _folder: tempfile::TempDir,
}

impl Drop for Clamd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Clamd {
    /// Starts clamd on a free loopback port and waits until it answers PING.
    pub async fn start() -> Clamd {
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
            probe.local_addr().expect("its address").port()
        };
        let folder = tempfile::tempdir().expect("a folder for clamd");
        let database = folder.path().join("db");
        std::fs::create_dir(&database).expect("the database folder");
        let hex: String = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE"
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        std::fs::write(
            database.join("alarmis-test.ndb"),
            format!("Alarmis.Test.EICAR:0:*:{hex}\n"),
        )
        .expect("the signature");
        let config = folder.path().join("clamd.conf");
        std::fs::write(
            &config,
            format!(
                "Foreground yes\nTCPSocket {port}\nTCPAddr 127.0.0.1\nDatabaseDirectory {}\n\
                 LogFile {}\nPidFile {}\n",
                database.display(),
                folder.path().join("clamd.log").display(),
                folder.path().join("clamd.pid").display(),
            ),
        )
        .expect("the configuration");
        let binary = ["/usr/sbin/clamd", "/usr/bin/clamd"]
            .into_iter()
            .map(PathBuf::from)
            .find(|path| path.exists())
            .expect("clamd (Debian's clamav-daemon): run scripts/setup");
        let child = Command::new(binary)
            .arg("-c")
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("clamd starts");
        let address = format!("127.0.0.1:{port}");
        let started = Instant::now();
        loop {
            let pong = clamav_ping(&address).await;
            if pong {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "clamd did not answer on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Clamd {
            port,
            child,
            _folder: folder,
        }
    }

    /// The portal's setting for this clamd.
    pub fn url(&self) -> String {
        format!("tcp://127.0.0.1:{}", self.port)
    }
}

async fn clamav_ping(address: &str) -> bool {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Ok(mut stream) = tokio::net::TcpStream::connect(address).await else {
        return false;
    };
    let mut reply = Vec::new();
    stream.write_all(b"zPING\0").await.is_ok()
        && stream.read_to_end(&mut reply).await.is_ok()
        && reply == b"PONG\0"
}
