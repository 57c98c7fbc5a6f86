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
    /// Sign-in: the OpenID Connect provider and this portal's registration with it.
    pub identity: IdentityConfig,
    /// `ALARMIS_SESSION_IDLE_MINUTES` (default 30) and `ALARMIS_SESSION_MAX_HOURS` (default 8):
    /// a session ends after that long without a request, and in any case that long after sign-in.
    pub session_idle: std::time::Duration,
    pub session_max: std::time::Duration,
    /// Procedure A's postal codes: `ALARMIS_CERTIFICATION_CODE_DAYS` (default 60) how long a
    /// code works, `ALARMIS_CERTIFICATION_MAX_WRONG_CODES` (default 5) how many wrong codes an
    /// eSpace may type before redemption locks, for `ALARMIS_CERTIFICATION_LOCK_MINUTES`
    /// (default 15).
    pub certification: CertificationPolicy,
    /// E-mail notifications of new messages, when `ALARMIS_SMTP_URL` is set
    /// (`smtp://host:port`, `smtp://user:password@host:587?tls=required`); off otherwise.
    pub mail: Option<MailConfig>,
    /// How often sign-in, certification codes and uploads may be tried (see `RateLimits`).
    pub rate_limits: RateLimits,
    /// `ALARMIS_METRICS_TOKEN`: the bearer token Prometheus sends to read `/metrics`. Unset,
    /// only a scraper on the same machine, talking to the process directly, may read them.
    pub metrics_token: Option<String>,
    /// `ALARMIS_DOCUMENTS_URL`: where uploaded documents and receipts go. Default: the folder
    /// `documents` in the data folder. `s3://bucket/prefix` for an S3-compatible store, with
    /// its settings in `documents_options`.
    pub documents_url: Option<String>,
    /// The object store's settings from the standard `AWS_*` variables (`AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT` for a store that is not AWS,
    /// `AWS_ALLOW_HTTP=true` for one without TLS), as object_store names them.
    pub documents_options: Vec<(String, String)>,
    /// `ALARMIS_CLAMD`: ClamAV's `clamd` (`tcp://host:3310` or `unix:///run/clamav/clamd.ctl`),
    /// which scans every upload before it is kept. Unset, uploads are checked by type only.
    pub clamd: Option<crate::documents::ClamdAddress>,
    /// `ALARMIS_REMINDER_INTERVAL_MINUTES` (default 60): how often the reminders of the yearly
    /// maintenance and test are looked for.
    pub reminder_interval: std::time::Duration,
    /// `ALARMIS_TEST_CLOCK=on`: due dates and reminders count from a day the tests move
    /// forward (`POST /dev/horloge`). Only with the built-in identity provider: never in
    /// production.
    pub test_clock: bool,
    /// After connection: the fee's index and the repeated-false-alert flag (see `SitePolicy`).
    pub sites: SitePolicy,
    /// How long drafts and refused requests are kept (see `RetentionPolicy`).
    pub retention: RetentionPolicy,
}

/// `ALARMIS_DRAFT_EXPIRY_DAYS` (default 180): a draft nobody changed for that long is deleted,
/// after a notice `ALARMIS_DRAFT_WARNING_DAYS` (default 14, fewer than the expiry) before.
/// `ALARMIS_REFUSED_RETENTION_YEARS` (default 10): a refused request is deleted that long after
/// its decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RetentionPolicy {
    pub draft_days: u32,
    pub draft_warning_days: u32,
    pub refused_years: u32,
}

/// `ALARMIS_PRICE_INDEX` (default 944.43): the *indice pondéré du coût de la vie* (base 100 on
/// 1 January 1948, R2005 Art. 13; not STATEC's consumer price index) by which the false-alert
/// fees are multiplied (/ 100); set it to the index in force
/// at each indexation. `ALARMIS_FALSE_ALERT_THRESHOLD` (default 3): a site with that many false
/// alerts within a year is flagged for the agents (Art. 14).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SitePolicy {
    pub price_index: app::model::after_connection::PriceIndex,
    pub false_alert_threshold: u32,
    /// After a false alert from a technical fault, the Police asks for the installer's
    /// verification certificate (`ALARMIS_INSTALLER_CERTIFICATE_AFTER_FAULT`): the Police's
    /// practice (AR1998 Art. 14 as good practice), not a rule of R2005.
    pub installer_certificate_after_fault: bool,
}

/// The `AWS_*` variables passed on to the object store.
const OBJECT_STORE_VARIABLES: [&str; 9] = [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT",
    "AWS_ALLOW_HTTP",
    "AWS_VIRTUAL_HOSTED_STYLE_REQUEST",
    "AWS_S3_EXPRESS",
];

/// Attempts allowed per window, counted in the database so every process shares them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// `ALARMIS_LIMIT_SIGN_INS` (default 40): requests to start a sign-in or return from the
    /// provider, per network address (one sign-in is two).
    pub sign_ins: u32,
    /// `ALARMIS_LIMIT_CODE_ATTEMPTS` (default 10): certification codes typed, per person (beside
    /// the eSpace's own lock after wrong codes).
    pub code_attempts: u32,
    /// `ALARMIS_LIMIT_UPLOADS` (default 60): files sent, per person.
    pub uploads: u32,
    /// `ALARMIS_LIMIT_WINDOW_MINUTES` (default 10): the window the counts above are per.
    pub window: std::time::Duration,
    /// `ALARMIS_TRUSTED_PROXIES`: the addresses of the load balancers in front (comma-separated),
    /// whose `X-Forwarded-For` tells the client's address. Default none: the peer is the client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Where notification mails go out, and whose address they bear.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailConfig {
    pub smtp_url: String,
    /// `ALARMIS_MAIL_FROM`; default `ALARMIS <no-reply@localhost>`.
    pub from: String,
}

/// How long a certification code works and how guessing is slowed down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CertificationPolicy {
    pub code_validity: std::time::Duration,
    pub max_wrong_codes: u32,
    pub lock: std::time::Duration,
}

#[derive(Clone, Debug)]
pub struct IdentityConfig {
    /// `ALARMIS_DEV_IDP=on`: serve the built-in development provider under `/dev-idp`, with
    /// test identities. Off unless asked for; `make run` and the tests ask for it.
    pub dev_idp: bool,
    /// `ALARMIS_OIDC_ISSUER`: the provider's issuer URL, whose discovery document gives the
    /// rest. Default: the built-in provider when it is on; otherwise sign-in is unavailable.
    pub issuer: Option<String>,
    /// `ALARMIS_OIDC_CLIENT_ID` / `ALARMIS_OIDC_CLIENT_SECRET`: this portal's registration.
    /// Defaults fit the built-in provider.
    pub client_id: String,
    pub client_secret: String,
    /// `ALARMIS_OIDC_ACR_VALUES`: the means of authentication asked for (space-separated).
    pub acr_values: Vec<String>,
    /// `ALARMIS_AGENT_SUBJECTS`: the subjects (comma-separated) who are police agents.
    pub agent_subjects: Vec<String>,
}

/// The index used when none is configured: an example value, to be set at each indexation.
const DEFAULT_PRICE_INDEX: &str = "944.43";

/// The built-in provider's own issuer path, under the public URL.
pub use app::paths::DEV_IDP as DEV_IDP_PATH;
/// The client secret shared by the portal and the built-in provider when none is configured.
const DEV_CLIENT_SECRET: &str = "alarmis-development-secret";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("ALARMIS_BIND_ADDR must be an address and port such as 127.0.0.1:3000, not {0:?}")]
    BindAddr(String),
    #[error("ALARMIS_PUBLIC_URL must start with http:// or https://, not {0:?}")]
    PublicUrl(String),
    #[error("ALARMIS_OIDC_ISSUER must start with http:// or https://, not {0:?}")]
    Issuer(String),
    #[error("ALARMIS_DEV_IDP must be on or off, not {0:?}")]
    DevIdp(String),
    #[error("ALARMIS_OIDC_CLIENT_SECRET must be set when ALARMIS_OIDC_ISSUER names a provider other than the built-in one")]
    ClientSecret,
    #[error("ALARMIS_SMTP_URL must start with smtp:// or smtps://, not {0:?}")]
    SmtpUrl(String),
    #[error(
        "ALARMIS_MAIL_FROM must be an address such as \"ALARMIS <no-reply@alarmis.lu>\", not {0:?}"
    )]
    MailFrom(String),
    #[error(
        "ALARMIS_CLAMD must be clamd's address, such as tcp://127.0.0.1:3310 or \
         unix:///run/clamav/clamd.ctl, not {0:?}"
    )]
    Clamd(String),
    #[error("ALARMIS_TRUSTED_PROXIES must list IP addresses separated by commas, not {0:?}")]
    TrustedProxies(String),
    #[error(
        "ALARMIS_TEST_CLOCK must be on or off, and on only with ALARMIS_DEV_IDP=on, not {0:?}"
    )]
    TestClock(String),
    #[error("ALARMIS_DRAFT_WARNING_DAYS ({warning}) must be fewer than ALARMIS_DRAFT_EXPIRY_DAYS ({expiry})")]
    DraftWarning { warning: u32, expiry: u32 },
    #[error("ALARMIS_PRICE_INDEX must be a positive number such as 944.43, not {0:?}")]
    PriceIndex(String),
    #[error("ALARMIS_INSTALLER_CERTIFICATE_AFTER_FAULT must be on or off, not {0:?}")]
    InstallerCertificate(String),
    #[error("{name} must be a whole number from 1 to {max}, not {value:?}")]
    Duration {
        name: &'static str,
        value: String,
        max: u64,
    },
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
        let identity = IdentityConfig::from_lookup(&lookup, &public_url)?;
        // Bounded: an absurd value (a typo with extra zeros) is refused at start-up rather
        // than overflowing date arithmetic later.
        let minutes = |name: &'static str, default: u64, unit: u64, max: u64| match lookup(name) {
            None => Ok(std::time::Duration::from_secs(default * unit)),
            Some(value) => match value.trim().parse::<u64>() {
                Ok(n) if (1..=max).contains(&n) => Ok(std::time::Duration::from_secs(n * unit)),
                _ => Err(ConfigError::Duration { name, value, max }),
            },
        };
        let mail = match lookup("ALARMIS_SMTP_URL") {
            None => None,
            Some(url) if url.starts_with("smtp://") || url.starts_with("smtps://") => {
                let from = lookup("ALARMIS_MAIL_FROM")
                    .unwrap_or_else(|| "ALARMIS <no-reply@localhost>".to_owned());
                if from.parse::<lettre::message::Mailbox>().is_err() {
                    return Err(ConfigError::MailFrom(from));
                }
                Some(MailConfig {
                    smtp_url: url.trim().to_owned(),
                    from,
                })
            }
            Some(url) => return Err(ConfigError::SmtpUrl(url)),
        };
        let count = |name: &'static str, default: u64| {
            minutes(name, default, 1, 1_000_000)
                .map(|d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX))
        };
        let trusted_proxies = lookup("ALARMIS_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse()
                    .map_err(|_| ConfigError::TrustedProxies(s.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let rate_limits = RateLimits {
            sign_ins: count("ALARMIS_LIMIT_SIGN_INS", 40)?,
            code_attempts: count("ALARMIS_LIMIT_CODE_ATTEMPTS", 10)?,
            uploads: count("ALARMIS_LIMIT_UPLOADS", 60)?,
            window: minutes("ALARMIS_LIMIT_WINDOW_MINUTES", 10, 60, 24 * 60)?,
            trusted_proxies,
        };
        let documents_options = OBJECT_STORE_VARIABLES
            .iter()
            .filter_map(|name| lookup(name).map(|value| (name.to_ascii_lowercase(), value)))
            .collect();
        let clamd = match lookup("ALARMIS_CLAMD") {
            None => None,
            Some(text) => {
                Some(crate::documents::ClamdAddress::parse(&text).ok_or(ConfigError::Clamd(text))?)
            }
        };
        let test_clock = match lookup("ALARMIS_TEST_CLOCK").as_deref().map(str::trim) {
            None | Some("off") => false,
            Some("on") if identity.dev_idp => true,
            Some(other) => return Err(ConfigError::TestClock(other.to_owned())),
        };
        let price_index = match lookup("ALARMIS_PRICE_INDEX") {
            None => DEFAULT_PRICE_INDEX
                .parse()
                .map_err(|_| ConfigError::PriceIndex(DEFAULT_PRICE_INDEX.into()))?,
            Some(text) => text.parse().map_err(|_| ConfigError::PriceIndex(text))?,
        };
        let installer_certificate_after_fault =
            match lookup("ALARMIS_INSTALLER_CERTIFICATE_AFTER_FAULT")
                .as_deref()
                .map(str::trim)
            {
                None | Some("on") => true,
                Some("off") => false,
                Some(other) => return Err(ConfigError::InstallerCertificate(other.to_owned())),
            };
        let sites = SitePolicy {
            price_index,
            false_alert_threshold: count("ALARMIS_FALSE_ALERT_THRESHOLD", 3)?,
            installer_certificate_after_fault,
        };
        let bounded = |name: &'static str, default: u64, max: u64| {
            minutes(name, default, 1, max).map(|d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX))
        };
        let retention = RetentionPolicy {
            draft_days: bounded("ALARMIS_DRAFT_EXPIRY_DAYS", 180, 3650)?,
            draft_warning_days: bounded("ALARMIS_DRAFT_WARNING_DAYS", 14, 3650)?,
            refused_years: bounded("ALARMIS_REFUSED_RETENTION_YEARS", 10, 100)?,
        };
        if retention.draft_warning_days >= retention.draft_days {
            return Err(ConfigError::DraftWarning {
                warning: retention.draft_warning_days,
                expiry: retention.draft_days,
            });
        }
        Ok(Config {
            retention,
            sites,
            test_clock,
            reminder_interval: minutes("ALARMIS_REMINDER_INTERVAL_MINUTES", 60, 60, 24 * 60)?,
            clamd,
            documents_url: lookup("ALARMIS_DOCUMENTS_URL").map(|u| u.trim().to_owned()),
            documents_options,
            rate_limits,
            metrics_token: lookup("ALARMIS_METRICS_TOKEN").map(|t| t.trim().to_owned()),
            mail,
            bind_addr,
            data_dir,
            database_url,
            public_url,
            identity,
            session_idle: minutes("ALARMIS_SESSION_IDLE_MINUTES", 30, 60, 24 * 60)?,
            session_max: minutes("ALARMIS_SESSION_MAX_HOURS", 8, 3600, 7 * 24)?,
            certification: CertificationPolicy {
                code_validity: minutes("ALARMIS_CERTIFICATION_CODE_DAYS", 60, 86_400, 365)?,
                max_wrong_codes: u32::try_from(
                    minutes("ALARMIS_CERTIFICATION_MAX_WRONG_CODES", 5, 1, 100)?.as_secs(),
                )
                .unwrap_or(u32::MAX),
                lock: minutes("ALARMIS_CERTIFICATION_LOCK_MINUTES", 15, 60, 7 * 24 * 60)?,
            },
        })
    }

    /// Where the provider sends people back after sign-in.
    pub fn callback_url(&self) -> String {
        format!("{}/auth/callback", self.public_url)
    }

    /// Whether people reach the portal over TLS, so that cookies must be `Secure`.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

impl IdentityConfig {
    fn from_lookup(
        lookup: &impl Fn(&str) -> Option<String>,
        public_url: &str,
    ) -> Result<IdentityConfig, ConfigError> {
        let dev_idp = match lookup("ALARMIS_DEV_IDP").as_deref().map(str::trim) {
            None | Some("off") | Some("false") | Some("0") => false,
            Some("on") | Some("true") | Some("1") => true,
            Some(other) => return Err(ConfigError::DevIdp(other.to_owned())),
        };
        let issuer = match lookup("ALARMIS_OIDC_ISSUER") {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                Some(url.trim_end_matches('/').to_owned())
            }
            Some(url) => return Err(ConfigError::Issuer(url)),
            None => dev_idp.then(|| format!("{public_url}{DEV_IDP_PATH}")),
        };
        let uses_dev_idp =
            dev_idp && issuer.as_deref() == Some(&format!("{public_url}{DEV_IDP_PATH}"));
        let client_secret = match lookup("ALARMIS_OIDC_CLIENT_SECRET") {
            Some(secret) => secret,
            None if uses_dev_idp || issuer.is_none() => DEV_CLIENT_SECRET.to_owned(),
            None => return Err(ConfigError::ClientSecret),
        };
        let list = |name: &str, separator: char| -> Vec<String> {
            lookup(name)
                .unwrap_or_default()
                .split(separator)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let mut acr_values = list("ALARMIS_OIDC_ACR_VALUES", ' ');
        if acr_values.is_empty() {
            acr_values = vec!["luxtrust".to_owned(), "eid".to_owned()];
        }
        Ok(IdentityConfig {
            dev_idp,
            issuer,
            client_id: lookup("ALARMIS_OIDC_CLIENT_ID").unwrap_or_else(|| "alarmis-portal".into()),
            client_secret,
            acr_values,
            agent_subjects: list("ALARMIS_AGENT_SUBJECTS", ','),
        })
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
    fn after_connection_settings_have_defaults_and_refuse_nonsense() {
        let defaults = config(&[]).expect("defaults are valid");
        assert_eq!(defaults.sites.false_alert_threshold, 3);
        assert_eq!(defaults.sites.price_index.value().to_string(), "944.43");
        assert!(!defaults.test_clock);
        assert_eq!(defaults.reminder_interval.as_secs(), 3600);
        let set = config(&[
            ("ALARMIS_PRICE_INDEX", "1017.02"),
            ("ALARMIS_FALSE_ALERT_THRESHOLD", "5"),
        ])
        .expect("valid");
        assert_eq!(set.sites.price_index.value().to_string(), "1017.02");
        assert_eq!(set.sites.false_alert_threshold, 5);
        assert!(defaults.sites.installer_certificate_after_fault);
        let off = config(&[("ALARMIS_INSTALLER_CERTIFICATE_AFTER_FAULT", "off")]).expect("off");
        assert!(!off.sites.installer_certificate_after_fault);
        assert!(matches!(
            config(&[("ALARMIS_INSTALLER_CERTIFICATE_AFTER_FAULT", "sometimes")]),
            Err(ConfigError::InstallerCertificate(_))
        ));
        for bad in ["0", "-3", "neuf cents"] {
            assert!(matches!(
                config(&[("ALARMIS_PRICE_INDEX", bad)]),
                Err(ConfigError::PriceIndex(_))
            ));
        }
        // The test clock moves "today": never without the development provider.
        assert!(matches!(
            config(&[("ALARMIS_TEST_CLOCK", "on")]),
            Err(ConfigError::TestClock(_))
        ));
        let retention = defaults.retention;
        assert_eq!(
            (
                retention.draft_days,
                retention.draft_warning_days,
                retention.refused_years
            ),
            (180, 14, 10)
        );
        assert!(matches!(
            config(&[
                ("ALARMIS_DRAFT_EXPIRY_DAYS", "10"),
                ("ALARMIS_DRAFT_WARNING_DAYS", "10")
            ]),
            Err(ConfigError::DraftWarning { .. })
        ));
        let test =
            config(&[("ALARMIS_TEST_CLOCK", "on"), ("ALARMIS_DEV_IDP", "on")]).expect("valid");
        assert!(test.test_clock);
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

    #[test]
    fn the_virus_scan_is_off_unless_clamd_is_named() {
        assert_eq!(config(&[]).expect("valid").clamd, None);
        assert_eq!(
            config(&[("ALARMIS_CLAMD", "tcp://127.0.0.1:3310")])
                .expect("valid")
                .clamd,
            Some(crate::documents::ClamdAddress::Tcp("127.0.0.1:3310".into()))
        );
        assert_eq!(
            config(&[("ALARMIS_CLAMD", "clamav")]).unwrap_err(),
            ConfigError::Clamd("clamav".into())
        );
    }

    #[test]
    fn rate_limits_have_defaults_and_refuse_nonsense() {
        let limits = config(&[]).expect("valid").rate_limits;
        assert_eq!(
            (limits.sign_ins, limits.code_attempts, limits.uploads),
            (40, 10, 60)
        );
        assert_eq!(limits.window.as_secs(), 600);
        assert!(limits.trusted_proxies.is_empty());
        let set = config(&[
            ("ALARMIS_LIMIT_UPLOADS", "5"),
            ("ALARMIS_TRUSTED_PROXIES", "127.0.0.1, ::1"),
        ])
        .expect("valid")
        .rate_limits;
        assert_eq!(set.uploads, 5);
        assert_eq!(set.trusted_proxies.len(), 2);
        assert_eq!(
            config(&[("ALARMIS_TRUSTED_PROXIES", "nginx")]).unwrap_err(),
            ConfigError::TrustedProxies("nginx".into())
        );
        assert!(config(&[("ALARMIS_LIMIT_SIGN_INS", "0")]).is_err());
    }

    #[test]
    fn sign_in_uses_the_built_in_provider_only_when_asked() {
        let plain = config(&[]).expect("valid");
        assert!(!plain.identity.dev_idp);
        assert_eq!(plain.identity.issuer, None);
        let dev = config(&[("ALARMIS_DEV_IDP", "on")]).expect("valid");
        assert_eq!(
            dev.identity.issuer.as_deref(),
            Some("http://127.0.0.1:3000/dev-idp")
        );
        assert_eq!(dev.identity.acr_values, ["luxtrust", "eid"]);
        assert_eq!(
            config(&[("ALARMIS_OIDC_ISSUER", "https://idp.example")]).unwrap_err(),
            ConfigError::ClientSecret
        );
        let agents = config(&[("ALARMIS_AGENT_SUBJECTS", " a , b,,")]).expect("valid");
        assert_eq!(agents.identity.agent_subjects, ["a", "b"]);
        assert_eq!(plain.session_idle.as_secs(), 30 * 60);
        assert!(config(&[("ALARMIS_SESSION_MAX_HOURS", "0")]).is_err());
    }

    #[test]
    fn certification_settings_have_defaults_and_bounds() {
        let plain = config(&[]).expect("valid").certification;
        assert_eq!(plain.code_validity.as_secs(), 60 * 86_400);
        assert_eq!(plain.max_wrong_codes, 5);
        assert_eq!(plain.lock.as_secs(), 15 * 60);
        let set = config(&[
            ("ALARMIS_CERTIFICATION_CODE_DAYS", "30"),
            ("ALARMIS_CERTIFICATION_MAX_WRONG_CODES", "3"),
            ("ALARMIS_CERTIFICATION_LOCK_MINUTES", "60"),
        ])
        .expect("valid")
        .certification;
        assert_eq!(
            (
                set.code_validity.as_secs(),
                set.max_wrong_codes,
                set.lock.as_secs()
            ),
            (30 * 86_400, 3, 3600)
        );
        let absurd =
            config(&[("ALARMIS_CERTIFICATION_CODE_DAYS", "60000000000000000")]).unwrap_err();
        assert!(absurd.to_string().contains("from 1 to 365"), "{absurd}");
        assert!(config(&[("ALARMIS_CERTIFICATION_MAX_WRONG_CODES", "0")]).is_err());
        assert!(config(&[("ALARMIS_CERTIFICATION_LOCK_MINUTES", "x")]).is_err());
    }

    #[test]
    fn mail_is_off_unless_an_smtp_server_is_named() {
        assert_eq!(config(&[]).expect("valid").mail, None);
        let on = config(&[("ALARMIS_SMTP_URL", "smtp://127.0.0.1:2525")])
            .expect("valid")
            .mail
            .expect("on");
        assert_eq!(on.smtp_url, "smtp://127.0.0.1:2525");
        assert_eq!(on.from, "ALARMIS <no-reply@localhost>");
        assert_eq!(
            config(&[("ALARMIS_SMTP_URL", "mail.example")]).unwrap_err(),
            ConfigError::SmtpUrl("mail.example".into())
        );
        assert!(matches!(
            config(&[
                ("ALARMIS_SMTP_URL", "smtp://127.0.0.1:25"),
                ("ALARMIS_MAIL_FROM", "not an address")
            ]),
            Err(ConfigError::MailFrom(_))
        ));
    }
}
