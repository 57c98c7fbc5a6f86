//! Puts the signed-in person (`app::model::Viewer`) in each request's extensions, where pages
//! and server functions read it; ends sessions past their absolute lifetime.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use tower_sessions::Session;

use super::signed_in::{SignedIn, KEY};
use crate::clock::unix_now;
use crate::AppState;

/// Renewing the idle timeout writes the session; once a minute is precise enough.
const TOUCH_EVERY_SECONDS: i64 = 60;

pub async fn attach_viewer(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    if needs_viewer(request.uri().path()) {
        match session.get::<SignedIn>(KEY).await {
            Ok(Some(mut signed_in)) => {
                let now = unix_now();
                let max = i64::try_from(state.config.session_max.as_secs()).unwrap_or(i64::MAX);
                if now - signed_in.signed_in_at > max {
                    // The absolute timeout: sign in again, whatever the activity.
                    if let Err(error) = session.flush().await {
                        tracing::warn!(%error, "cannot end an expired session");
                    }
                } else {
                    if now - signed_in.last_seen >= TOUCH_EVERY_SECONDS {
                        signed_in.last_seen = now;
                        if let Err(error) = session.insert(KEY, &signed_in).await {
                            tracing::warn!(%error, "cannot renew a session");
                        }
                    }
                    request.extensions_mut().insert(signed_in.viewer());
                }
            }
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "cannot read the session"),
        }
    }
    next.run(request).await
}

/// Static files, the health check and the development provider never need to know who asks,
/// so they cost no session lookup.
fn needs_viewer(path: &str) -> bool {
    !(path.starts_with("/pkg/")
        || path
            .strip_prefix(app::paths::DEV_IDP)
            .is_some_and(|rest| rest.starts_with('/'))
        || path == app::paths::HEALTH
        || path == "/favicon.svg")
}
