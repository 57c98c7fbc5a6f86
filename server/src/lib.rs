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
pub mod pdf;
pub mod rate_limit;
pub mod receipt;
pub mod routes;
pub mod store;
pub mod telemetry;

mod api_errors;
mod body_limit;
mod csrf;
mod page_scripts;
mod security_headers;

use std::sync::Arc;

use app::api::backend::{
    PublicUrl, SessionIdleSeconds, SharedCaseStore, SharedEspaceStore, SharedRequestStore,
    SharedSiteStore,
};
use app::{shell, App};
use axum::extract::FromRef;
use axum::http::{header, HeaderValue};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use axum::Router;
use leptos::config::{get_configuration, LeptosOptions};
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use sqlx::AnyPool;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

const REQUEST_ID: axum::http::HeaderName = axum::http::HeaderName::from_static("x-request-id");

pub use config::{Config, ConfigError};

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

/// Every route of the portal: pages and server functions (Leptos), plain routes, static files.
pub fn router(state: AppState) -> Router {
    let pages = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    let mut router = Router::new()
        .route("/healthz", get(routes::healthz))
        .route("/metrics", get(metrics::export))
        .route("/language/{code}", get(routes::choose_language))
        .route(
            "/auth/login",
            get(auth::login).layer(from_fn_with_state(state.clone(), rate_limit::sign_ins)),
        )
        .route(
            "/auth/callback",
            get(auth::callback).layer(from_fn_with_state(state.clone(), rate_limit::sign_ins)),
        )
        .route("/auth/logout", post(auth::logout))
        .route(
            routes::NEW_BUSINESS_PATH,
            post(routes::create_business_without_javascript),
        )
        .route(
            "/espace/entreprises/{id}/invitation",
            post(routes::invite_without_javascript),
        )
        .route(
            "/espace/invitations/{token}",
            post(routes::accept_without_javascript),
        )
        .route(
            "/espace/entreprises/{id}/demandes",
            post(routes::start_request),
        )
        .route(
            "/espace/entreprises/{id}/certification",
            post(routes::redeem)
                .layer(from_fn_with_state(state.clone(), rate_limit::code_attempts)),
        )
        .route(routes::EXPORT_PATH, get(routes::person_data))
        .route("/agent/journal.csv", get(routes::trail_csv))
        .route(
            "/agent/demandes/{request}/journal.csv",
            get(routes::case_trail_csv),
        )
        .route("/agent/demandes/{request}/prise", post(routes::take))
        .route("/agent/demandes/{request}/question", post(routes::ask))
        .route("/agent/demandes/{request}/decision", post(routes::decide))
        .route(
            "/agent/demandes/{request}/pieces/{document}",
            get(routes::agent_document),
        )
        .route(
            "/espace/entreprises/{id}/demandes/{request}",
            post(routes::answer)
                .layer(axum::extract::DefaultBodyLimit::max(
                    routes::UPLOAD_BODY_LIMIT,
                ))
                .layer(from_fn_with_state(state.clone(), rate_limit::uploads)),
        )
        .route(
            "/espace/entreprises/{id}/sites/{site}/changement/{part}",
            post(routes::report_change),
        )
        .route(
            "/agent/sites/{site}/changements/{change}",
            post(routes::decide_change),
        )
        .route(
            "/espace/entreprises/{id}/sites/{site}/controles",
            post(routes::record_check)
                .layer(axum::extract::DefaultBodyLimit::max(
                    routes::UPLOAD_BODY_LIMIT,
                ))
                .layer(from_fn_with_state(state.clone(), rate_limit::uploads)),
        )
        .route(
            "/espace/entreprises/{id}/sites/{site}/controles/{check}",
            get(routes::member_certificate),
        )
        .route(
            "/agent/sites/{site}/fausses-alertes",
            post(routes::record_false_alert),
        )
        .route(
            "/agent/sites/{site}/controles/{check}",
            get(routes::agent_certificate),
        )
        .route("/agent/demandes/{request}/lettre", post(routes::letter))
        .route("/agent/demandes/{request}/envoi", post(routes::posted))
        .route(
            "/espace/entreprises/{id}/demandes/{request}/supprimer",
            post(routes::delete_request),
        )
        .route(
            "/espace/entreprises/{id}/demandes/{request}/pieces/{document}",
            get(routes::download),
        )
        .route(
            "/espace/entreprises/{id}/demandes/{request}/pieces/{document}/supprimer",
            post(routes::remove),
        )
        .route(
            "/espace/entreprises/{id}/demandes/{request}/recepisse.pdf",
            get(routes::receipt),
        )
        .route(
            "/espace/entreprises/{id}/demandes/{request}/{step}",
            // The documents step takes uploads (form answers are limited in the handler).
            post(routes::post_step)
                .layer(axum::extract::DefaultBodyLimit::max(
                    routes::UPLOAD_BODY_LIMIT,
                ))
                .layer(from_fn_with_state(state.clone(), rate_limit::uploads)),
        )
        .leptos_routes_with_context(&state, pages, page_context(&state), move || {
            shell(leptos_options.clone())
        })
        // The site's files (bundle, CSS, assets), else the Leptos "not found" page. tower-http
        // serves the files rather than leptos_axum's `file_and_error_handler`: that one wraps
        // each file response in `Owner::new()`, which on a busy worker thread can attach to
        // another request's owner and copy its status (under load, a 401 page made
        // `/pkg/alarmis.js` answer 401).
        .fallback_service(
            // The release build writes each file compressed beforehand (cargo leptos -P:
            // brotli at its best quality, a quarter smaller than compressing on the fly).
            tower_http::services::ServeDir::new(&*state.leptos_options.site_root)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(axum::handler::Handler::with_state(
                    file_and_error_handler_with_context::<AppState, _>(page_context(&state), shell),
                    state.clone(),
                )),
        );
    if let Some(idp) = state.dev_idp.clone() {
        router = router.nest(config::DEV_IDP_PATH, dev_idp::router(idp));
    }
    if state.config.test_clock {
        router = router.route(
            "/dev/horloge",
            get(routes::test_clock_today).post(routes::advance_test_clock),
        );
    }
    router
        .layer(axum::middleware::from_fn(page_scripts::trim))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::attach_viewer,
        ))
        .layer(store::sessions::layer(state.db.clone(), &state.config))
        .layer(axum::middleware::from_fn(csrf::refuse_cross_origin))
        .layer(axum::middleware::from_fn(api_errors::portal_error_status))
        .layer(axum::middleware::from_fn_with_state(
            state.security_headers.clone(),
            security_headers::add,
        ))
        .layer(axum::middleware::from_fn(body_limit::limit_bodies))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(metrics::record))
        .layer(
            // Path only: query strings can hold what people typed (a postcode, a name).
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                let id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
            }),
        )
        // Outermost: every log line of a request carries its id, and the response says it
        // (a person quoting it to the helpdesk finds the lines). A proxy's id is kept.
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}

/// What pages and server functions find in context beside the state: the eSpace store and
/// the public address. Every renderer provides it (the routes here, forms sent back).
pub(crate) fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let espaces: SharedEspaceStore = state.espaces.clone();
    let requests: SharedRequestStore = state.requests.clone();
    let cases: SharedCaseStore = state.cases.clone();
    let sites: SharedSiteStore = state.sites.clone();
    let public_url = PublicUrl(state.config.public_url.clone());
    let session_idle = SessionIdleSeconds(state.config.session_idle.as_secs());
    let retention = app::model::retention::RetentionTerms {
        draft_days: state.config.retention.draft_days,
        draft_warning_days: state.config.retention.draft_warning_days,
        refused_years: state.config.retention.refused_years,
    };
    let security_headers = state.security_headers.clone();
    move || {
        // leptos_axum made this render's nonce and put it on its inline scripts.
        if let (Some(nonce), Some(response)) = (
            leptos::nonce::use_nonce(),
            use_context::<leptos_axum::ResponseOptions>(),
        ) {
            if let Ok(policy) = HeaderValue::from_str(&security_headers.page_policy(&nonce)) {
                response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
            }
        }
        provide_context(espaces.clone());
        provide_context(requests.clone());
        provide_context(cases.clone());
        provide_context(sites.clone());
        provide_context(public_url.clone());
        provide_context(session_idle);
        provide_context(retention);
    }
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
