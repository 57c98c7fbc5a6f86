//! An optional virus scan of every upload by ClamAV's `clamd` (`ALARMIS_CLAMD`). A file is
//! held in memory until `clamd` has answered: only a clean file reaches the document store,
//! so no agent or applicant can ever open one that was not scanned. When `clamd` cannot be
//! reached the upload is refused (the person is asked to try again) rather than kept unscanned.

use std::path::PathBuf;
use std::time::Duration;

use clamav_client::tokio::{scan_buffer, Socket, Tcp};

/// A 10 MB file takes clamd well under a second; a minute means it is stuck.
const SCAN_TIMEOUT: Duration = Duration::from_secs(60);

/// Where `clamd` listens: `ALARMIS_CLAMD=tcp://host:3310` or `unix:///run/clamav/clamd.ctl`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClamdAddress {
    Tcp(String),
    Unix(PathBuf),
}

impl ClamdAddress {
    /// `tcp://host:port`, `unix:///path`, or the same without the scheme (`host:port`, `/path`).
    pub fn parse(text: &str) -> Option<ClamdAddress> {
        let text = text.trim();
        if let Some(path) = text.strip_prefix("unix://") {
            return path
                .starts_with('/')
                .then(|| ClamdAddress::Unix(PathBuf::from(path)));
        }
        if text.starts_with('/') {
            return Some(ClamdAddress::Unix(PathBuf::from(text)));
        }
        let address = text.strip_prefix("tcp://").unwrap_or(text);
        let (host, port) = address.rsplit_once(':')?;
        (!host.is_empty() && port.parse::<u16>().is_ok_and(|p| p > 0))
            .then(|| ClamdAddress::Tcp(address.to_owned()))
    }
}

/// What `clamd` said of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanVerdict {
    Clean,
    /// The signature's name, e.g. `Win.Test.EICAR_HDB-1` (no personal data: safe to log).
    Infected(String),
}

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("cannot reach clamd: {0}")]
    Unreachable(#[from] std::io::Error),
    #[error("clamd did not answer within {} s", SCAN_TIMEOUT.as_secs())]
    TimedOut,
    #[error("clamd answered {0:?}")]
    Refused(String),
}

#[derive(Clone, Debug)]
pub struct VirusScanner {
    address: ClamdAddress,
}

impl VirusScanner {
    pub fn new(address: ClamdAddress) -> VirusScanner {
        VirusScanner { address }
    }

    /// Streams `bytes` to `clamd` (its INSTREAM command) and reads its verdict.
    pub async fn scan(&self, bytes: &[u8]) -> Result<ScanVerdict, ScanError> {
        let reply = tokio::time::timeout(SCAN_TIMEOUT, async {
            match &self.address {
                ClamdAddress::Tcp(host_address) => {
                    scan_buffer(
                        bytes,
                        Tcp {
                            host_address: host_address.as_str(),
                        },
                        None,
                    )
                    .await
                }
                ClamdAddress::Unix(socket_path) => {
                    scan_buffer(bytes, Socket { socket_path }, None).await
                }
            }
        })
        .await
        .map_err(|_| ScanError::TimedOut)??;
        read_reply(&reply)
    }
}

/// `stream: OK`, `stream: <signature> FOUND`, or an error such as `INSTREAM size limit
/// exceeded. ERROR` (each ended by a NUL byte).
fn read_reply(reply: &[u8]) -> Result<ScanVerdict, ScanError> {
    let text = String::from_utf8_lossy(reply);
    let text = text.trim_end_matches(['\0', '\n', ' ']);
    let verdict = text.strip_prefix("stream: ").unwrap_or(text);
    if verdict == "OK" {
        Ok(ScanVerdict::Clean)
    } else if let Some(signature) = verdict.strip_suffix(" FOUND") {
        Ok(ScanVerdict::Infected(signature.to_owned()))
    } else {
        Err(ScanError::Refused(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_name_a_port_or_a_socket() {
        assert_eq!(
            ClamdAddress::parse("tcp://clamav.internal:3310"),
            Some(ClamdAddress::Tcp("clamav.internal:3310".into()))
        );
        assert_eq!(
            ClamdAddress::parse("127.0.0.1:3310"),
            Some(ClamdAddress::Tcp("127.0.0.1:3310".into()))
        );
        assert_eq!(
            ClamdAddress::parse("unix:///run/clamav/clamd.ctl"),
            Some(ClamdAddress::Unix("/run/clamav/clamd.ctl".into()))
        );
        assert_eq!(
            ClamdAddress::parse("/run/clamav/clamd.ctl"),
            Some(ClamdAddress::Unix("/run/clamav/clamd.ctl".into()))
        );
        for nonsense in [
            "clamav",
            "tcp://:3310",
            "host:port",
            "host:0",
            "unix://relative",
        ] {
            assert_eq!(ClamdAddress::parse(nonsense), None, "{nonsense}");
        }
    }

    #[test]
    fn replies_read_as_clean_infected_or_refused() {
        assert_eq!(read_reply(b"stream: OK\0").unwrap(), ScanVerdict::Clean);
        assert_eq!(
            read_reply(b"stream: Win.Test.EICAR_HDB-1 FOUND\0").unwrap(),
            ScanVerdict::Infected("Win.Test.EICAR_HDB-1".into())
        );
        // An error is never taken for a verdict, even when it says "OK" somewhere.
        assert!(matches!(
            read_reply(b"INSTREAM size limit exceeded. ERROR\0"),
            Err(ScanError::Refused(_))
        ));
        assert!(matches!(
            read_reply(b"stream: OK? ERROR\0"),
            Err(ScanError::Refused(_))
        ));
        assert!(matches!(read_reply(b""), Err(ScanError::Refused(_))));
    }
}
