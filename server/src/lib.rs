//! The ALARMIS portal server: configuration, database, routes, and the Leptos renderer.

pub mod config;
pub mod db;
pub mod routes;
pub mod telemetry;

mod api_errors;
mod security_headers;

use std::sync::Arc;

use app::{shell, App};
use axum::extract::FromRef;
use axum::routing::get;
use axum::serve::ListenerExt;
use axum::Router;
use leptos::config::{get_configuration, LeptosOptions};
use leptos_axum::{file_and_error_handler, generate_route_list, LeptosRoutes};
use sqlx::AnyPool;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use config::{Config, ConfigError};

/// What every handler and server function can reach. Server functions get it from context.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: AnyPool,
    pub config: Arc<Config>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("cannot read the Leptos site settings: {0}")]
    Leptos(#[from] leptos::config::errors::LeptosConfigError),
    #[error(transparent)]
    Database(#[from] db::DbError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("the server stopped on an error: {0}")]
    Serve(#[source] std::io::Error),
}

/// Opens the database (applying migrations) and assembles the shared state.
pub async fn build_state(config: Config) -> Result<AppState, StartError> {
    // The site settings come from cargo-leptos' LEPTOS_* variables when it runs the server, and
    // from their defaults otherwise (`LEPTOS_SITE_ROOT` defaults to `target/site`; the bundle's
    // name is compiled in from .cargo/config.toml).
    let mut leptos_options = get_configuration(None)?.leptos_options;
    leptos_options.site_addr = config.bind_addr;
    let db = db::connect_and_migrate(&config.database_url, &config.data_dir).await?;
    Ok(AppState {
        leptos_options,
        db,
        config: Arc::new(config),
    })
}

/// Every route of the portal: pages and server functions (Leptos), plain routes, static files.
pub fn router(state: AppState) -> Router {
    let pages = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(routes::healthz))
        .route("/language/{code}", get(routes::choose_language))
        .leptos_routes(&state, pages, move || shell(leptos_options.clone()))
        .fallback(file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(api_errors::portal_error_status))
        .layer(security_headers::layer())
        .layer(CompressionLayer::new())
        .layer(
            // Path only: query strings can hold what people typed (a postcode, a name).
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
            }),
        )
        .with_state(state)
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
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(StartError::Serve)
}

/// Builds the state, binds the configured address and serves.
pub async fn run(config: Config) -> Result<(), StartError> {
    let addr = config.bind_addr;
    let public_url = config.public_url.clone();
    let state = build_state(config).await?;
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
