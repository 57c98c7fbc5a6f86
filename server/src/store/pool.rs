//! The database: one pool for SQLite (default) or PostgreSQL, chosen by the URL alone.
//!
//! Queries go through `sqlx::Any` with portable SQL (`$1` placeholders, TEXT timestamps), so the
//! same code runs on both engines.

use std::path::Path;
use std::time::Duration;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Connection};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the data folder {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("cannot apply the database migrations: {0}")]
    Migrate(#[source] sqlx::migrate::MigrateError),
}

/// Opens the pool and brings the schema up to date.
pub async fn connect_and_migrate(database_url: &str, data_dir: &Path) -> Result<AnyPool, DbError> {
    install_default_drivers();
    if database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
    }
    let sqlite = database_url.starts_with("sqlite:");
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        // A ping before each use finds a connection a network or a server restart broke; an
        // SQLite connection is a file in this process, and the ping only doubled the hops to
        // its worker thread (one per query), which dominated a page's cost.
        .test_before_acquire(!sqlite)
        .acquire_timeout(Duration::from_secs(5))
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                if conn.backend_name() == "SQLite" {
                    // WAL lets readers and the one writer work at once; the busy timeout makes
                    // a writer wait for a lock instead of failing the request.
                    sqlx::query("PRAGMA journal_mode = WAL")
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query("PRAGMA busy_timeout = 5000")
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query("PRAGMA foreign_keys = ON")
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(())
            })
        })
        .connect(database_url)
        .await
        .map_err(DbError::Connect)?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(DbError::Migrate)?;
    crate::store::audit::install_append_only_guard(&pool)
        .await
        .map_err(DbError::Connect)?;
    Ok(pool)
}

/// A round trip to the database, for the health check.
pub async fn ping(pool: &AnyPool) -> Result<(), sqlx::Error> {
    let mut conn = pool.acquire().await?;
    conn.ping().await
}
