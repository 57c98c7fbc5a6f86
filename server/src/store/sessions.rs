//! Sessions in the portal's own database (SQLite or PostgreSQL through one `Any` pool), so
//! several server processes share them and a restart signs nobody out.
//!
//! tower-sessions does the cookie and the lifecycle; its published sqlx stores each want one
//! engine's pool type, so this is the small `SessionStore` over the `Any` pool the rest uses.

use sqlx::{AnyPool, Row};
use time::OffsetDateTime;
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::config::Config;

pub const COOKIE_NAME: &str = "alarmis_session";

#[derive(Clone, Debug)]
pub struct SqlSessionStore {
    db: AnyPool,
}

impl SqlSessionStore {
    pub fn new(db: AnyPool) -> SqlSessionStore {
        SqlSessionStore { db }
    }
}

fn backend(error: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

/// What to do when the id is taken: `create` must not overwrite, `save` must.
const KEEP_EXISTING: &str = "ON CONFLICT (id) DO NOTHING";
const REPLACE_EXISTING: &str =
    "ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at";

impl SqlSessionStore {
    /// Writes `record`; returns whether a row was written.
    async fn write(&self, record: &Record, on_conflict: &str) -> session_store::Result<bool> {
        let data = serde_json::to_string(&record.data).map_err(backend)?;
        let written = sqlx::query(&format!(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) {on_conflict}"
        ))
        .bind(record.id.to_string())
        .bind(data)
        .bind(record.expiry_date.unix_timestamp())
        .execute(&self.db)
        .await
        .map_err(backend)?;
        Ok(written.rows_affected() == 1)
    }
}

#[async_trait::async_trait]
impl SessionStore for SqlSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A fresh random id until one is free: never overwrite someone else's session.
        while !self.write(record, KEEP_EXISTING).await? {
            record.id = Id::default();
        }
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.write(record, REPLACE_EXISTING).await.map(drop)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row =
            sqlx::query("SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2")
                .bind(id.to_string())
                .bind(OffsetDateTime::now_utc().unix_timestamp())
                .fetch_optional(&self.db)
                .await
                .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data: String = row.get("data");
        let expires_at: i64 = row.get("expires_at");
        Ok(Some(Record {
            id: *id,
            data: serde_json::from_str(&data).map_err(backend)?,
            expiry_date: OffsetDateTime::from_unix_timestamp(expires_at).map_err(backend)?,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id.to_string())
            .execute(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl ExpiredDeletion for SqlSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(OffsetDateTime::now_utc().unix_timestamp())
            .execute(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

/// The session cookie: `HttpOnly`, `SameSite=Lax` (the provider's redirect back is a top-level
/// GET, which Lax lets through), `Secure` over https, and an idle expiry that each request
/// touching the session extends (see `auth::viewer`).
pub fn layer(db: AnyPool, config: &Config) -> SessionManagerLayer<SqlSessionStore> {
    let idle = time::Duration::try_from(config.session_idle).unwrap_or(time::Duration::MINUTE * 30);
    SessionManagerLayer::new(SqlSessionStore::new(db))
        .with_name(COOKIE_NAME)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.is_https())
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
}

/// Deletes expired sessions and ended rate-limit windows every `period`, for as long as the
/// server runs.
pub fn spawn_cleanup(
    db: AnyPool,
    rate_limiter: std::sync::Arc<crate::rate_limit::RateLimiter>,
    period: std::time::Duration,
) {
    tokio::spawn(async move {
        let store = SqlSessionStore::new(db);
        let mut ticks = tokio::time::interval(period);
        loop {
            ticks.tick().await;
            if let Err(error) = store.delete_expired().await {
                tracing::warn!(%error, "cannot delete expired sessions");
            }
            if let Err(error) = rate_limiter.delete_ended().await {
                tracing::warn!(%error, "cannot delete ended rate-limit windows");
            }
        }
    });
}
