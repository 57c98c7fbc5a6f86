//! Configuration from environment variables, each with a default that runs the portal on one
//! machine with nothing else installed. The README lists them.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// `ALARMIS_BIND_ADDR`: where the server listens. Default `127.0.0.1:3000`.
    pub bind_addr: SocketAddr,
    /// `ALARMIS_DATA_DIR`: the folder for the SQLite file and, later, documents. Default `./data`.
    pub data_dir: PathBuf,
    /// `DATABASE_URL`: `sqlite://…` (default: a file in the data folder) or, later, `postgres://…`.
    pub database_url: String,
    /// `ALARMIS_PUBLIC_URL`: the address people use, for links and cookie security. Default
    /// `http://` + the bind address.
    pub public_url: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("ALARMIS_BIND_ADDR must be an address and port such as 127.0.0.1:3000, not {0:?}")]
    BindAddr(String),
    #[error("ALARMIS_PUBLIC_URL must start with http:// or https://, not {0:?}")]
    PublicUrl(String),
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads the settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let bind_addr = match lookup("ALARMIS_BIND_ADDR") {
            Some(text) => text
                .trim()
                .parse()
                .map_err(|_| ConfigError::BindAddr(text))?,
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
        };
        let data_dir =
            lookup("ALARMIS_DATA_DIR").map_or_else(|| PathBuf::from("data"), PathBuf::from);
        let database_url = lookup("DATABASE_URL").unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                data_dir.join("alarmis.db").display()
            )
        });
        let public_url = match lookup("ALARMIS_PUBLIC_URL") {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                url.trim_end_matches('/').to_owned()
            }
            Some(url) => return Err(ConfigError::PublicUrl(url)),
            None => format!("http://{bind_addr}"),
        };
        Ok(Config {
            bind_addr,
            data_dir,
            database_url,
            public_url,
        })
    }

    /// Whether people reach the portal over TLS, so that cookies must be `Secure`.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|key| env.get(key).cloned())
    }

    #[test]
    fn defaults_run_on_loopback_with_sqlite_in_the_data_folder() {
        let config = config(&[]).expect("defaults are valid");
        assert_eq!(config.bind_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database_url, "sqlite://data/alarmis.db?mode=rwc");
        assert_eq!(config.public_url, "http://127.0.0.1:3000");
        assert!(!config.is_https());
    }

    #[test]
    fn the_database_follows_the_data_folder_unless_given() {
        let moved = config(&[("ALARMIS_DATA_DIR", "/var/lib/alarmis")]).expect("valid");
        assert_eq!(
            moved.database_url,
            "sqlite:///var/lib/alarmis/alarmis.db?mode=rwc"
        );
        let given = config(&[("DATABASE_URL", "postgres://db/alarmis")]).expect("valid");
        assert_eq!(given.database_url, "postgres://db/alarmis");
    }

    #[test]
    fn refuses_a_malformed_address_or_url_with_a_message_naming_the_variable() {
        let bad_addr = config(&[("ALARMIS_BIND_ADDR", "localhost")]).unwrap_err();
        assert!(bad_addr.to_string().contains("ALARMIS_BIND_ADDR"));
        let bad_url = config(&[("ALARMIS_PUBLIC_URL", "portal.lu")]).unwrap_err();
        assert_eq!(bad_url, ConfigError::PublicUrl("portal.lu".into()));
        let https = config(&[("ALARMIS_PUBLIC_URL", "https://alarmis.example/")]).expect("valid");
        assert_eq!(https.public_url, "https://alarmis.example");
        assert!(https.is_https());
    }
}
