//! The ALARMIS portal server: configuration, database, routes, and the Leptos renderer.

pub mod auth;
pub mod certification;
pub mod clock;
pub mod config;
pub mod dev_idp;
pub mod documents;
pub mod export;
pub mod invitations;
pub mod jobs;
pub mod mail;
pub mod metrics;
pub mod obligations_sheet;
pub mod pdf;
pub mod rate_limit;
pub mod receipt;
mod router;
pub mod routes;
pub mod store;
pub mod telemetry;

mod api_errors;
mod body_limit;
mod csrf;
mod page_scripts;
mod security_headers;

use std::sync::Arc;

use app::api::backend::SharedEspaceStore;
use axum::extract::FromRef;
use axum::serve::ListenerExt;
use leptos::config::{get_configuration, LeptosOptions};
use sqlx::AnyPool;

pub use config::{Config, ConfigError};
pub(crate) use router::page_context;
pub use router::router;

/// What every handler and server function can reach. Server functions get it from context.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: AnyPool,
    pub config: Arc<Config>,
    pub identity: Arc<auth::RelyingParty>,
    pub espaces: SharedEspaceStore,
    pub requests: Arc<store::requests::SqlRequestStore>,
    pub certifications: Arc<store::certification::SqlCertificationStore>,
    pub cases: Arc<store::cases::SqlCaseStore>,
    pub sites: Arc<store::sites::SqlSiteStore>,
    /// Today for due dates and reminders (moved by tests when `ALARMIS_TEST_CLOCK=on`).
    pub clock: clock::Clock,
    pub dev_idp: Option<Arc<dev_idp::DevIdp>>,
    pub security_headers: Arc<security_headers::SecurityHeaders>,
    pub rate_limiter: Arc<rate_limit::RateLimiter>,
    /// ClamAV's scan of uploads, when `ALARMIS_CLAMD` names it.
    pub virus_scanner: Option<Arc<documents::VirusScanner>>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("cannot read the Leptos site settings: {0}")]
    Leptos(#[from] leptos::config::errors::LeptosConfigError),
    #[error(transparent)]
    Database(#[from] store::pool::DbError),
    #[error(transparent)]
    DevIdp(#[from] dev_idp::keys::KeyError),
    #[error(transparent)]
    Documents(#[from] documents::DocumentStoreError),
    #[error(transparent)]
    Mail(#[from] mail::MailError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("the server stopped on an error: {0}")]
    Serve(#[source] std::io::Error),
}

impl AppState {
    /// What the background jobs work with.
    pub fn jobs(&self) -> jobs::Jobs {
        jobs::Jobs {
            db: self.db.clone(),
            clock: self.clock.clone(),
            notifier: self.sites.notifier().clone(),
            documents: self.requests.documents().clone(),
            retention: self.config.retention,
        }
    }
}

/// Opens the database (applying migrations) and assembles the shared state.
pub async fn build_state(config: Config) -> Result<AppState, StartError> {
    // The site settings come from cargo-leptos' LEPTOS_* variables when it runs the server, and
    // from their defaults otherwise (`LEPTOS_SITE_ROOT` defaults to `target/site`; the bundle's
    // name is compiled in from .cargo/config.toml).
    let mut leptos_options = get_configuration(None)?.leptos_options;
    leptos_options.site_addr = config.bind_addr;
    let db = store::pool::connect_and_migrate(&config.database_url, &config.data_dir).await?;
    let dev_idp = if config.identity.dev_idp {
        Some(Arc::new(dev_idp::DevIdp::new(&config, db.clone())?))
    } else {
        None
    };
    let document_store = match &config.documents_url {
        Some(url) => documents::DocumentStore::from_url(url, &config.documents_options)?,
        None => documents::DocumentStore::local(&config.data_dir.join("documents"))?,
    };
    let request_store = store::requests::SqlRequestStore::new(db.clone(), document_store);
    let certifications = Arc::new(store::certification::SqlCertificationStore::new(
        db.clone(),
        request_store.clone(),
        config.certification,
    ));
    let notifier = mail::Notifier::new(config.mail.as_ref(), &config.public_url, db.clone())?;
    let clock = if config.test_clock {
        clock::Clock::adjustable(db.clone())
    } else {
        clock::Clock::real()
    };
    Ok(AppState {
        leptos_options,
        sites: Arc::new(store::sites::SqlSiteStore::new(
            db.clone(),
            request_store.clone(),
            notifier.clone(),
            clock.clone(),
            config.sites,
        )),
        clock,
        cases: Arc::new(store::cases::SqlCaseStore::new(
            db.clone(),
            request_store.clone(),
            certifications.clone(),
            notifier,
        )),
        certifications,
        requests: Arc::new(request_store),
        identity: Arc::new(auth::RelyingParty::new(&config)),
        espaces: Arc::new(store::espaces::SqlEspaceStore::new(
            db.clone(),
            config.certification,
        )),
        rate_limiter: Arc::new(rate_limit::RateLimiter::new(
            db.clone(),
            config.rate_limits.clone(),
        )),
        virus_scanner: config
            .clamd
            .clone()
            .map(|address| Arc::new(documents::VirusScanner::new(address))),
        db,
        security_headers: Arc::new(security_headers::SecurityHeaders::new(&config)),
        config: Arc::new(config),
        dev_idp,
    })
}

/// Serves until SIGINT or SIGTERM, then finishes the requests under way.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> Result<(), StartError> {
    // Responses go out as headers then body; with Nagle's algorithm on, the body waits for the
    // client's delayed ACK (about 40 ms per static file, measured by bench/render).
    let listener = listener.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "cannot disable Nagle's algorithm on a connection");
        }
    });
    state.jobs().spawn(state.config.reminder_interval);
    // The peer's address, for the per-address limits on sign-in.
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(StartError::Serve)
}

/// Builds the state, binds the configured address and serves.
pub async fn run(config: Config) -> Result<(), StartError> {
    let addr = config.bind_addr;
    let public_url = config.public_url.clone();
    let state = build_state(config).await?;
    store::sessions::spawn_cleanup(
        state.db.clone(),
        state.rate_limiter.clone(),
        std::time::Duration::from_secs(600),
    );
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind {
            addr: addr.to_string(),
            source,
        })?;
    tracing::info!(%addr, %public_url, "ALARMIS portal listening");
    serve(listener, state).await
}

async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down: finishing the requests under way");
}
