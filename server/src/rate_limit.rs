//! Rate limits on sign-in (per network address), certification codes and uploads (per person).
//!
//! The counts live in the database (`rate_limits`), not in a process: behind a load balancer
//! every server process counts the same attempts. A fixed window per action and person: one
//! upsert per attempt, which returns the count so far. Over the limit, the person gets a page
//! (429, `Retry-After`) that says what was limited and when to try again.

use std::net::{IpAddr, SocketAddr};

use app::api::backend::StoreError;
use app::model::{LimitedAction, Viewer};
use app::WithoutBundle;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};
use sqlx::AnyPool;

use crate::clock::unix_now;
use crate::config::RateLimits;
use crate::routes::render::render_page;
use crate::store::rate_limits;
use crate::AppState;

#[derive(Clone, Debug)]
pub struct RateLimiter {
    db: AnyPool,
    limits: RateLimits,
}

/// What the count says about one more attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Over the limit until the window ends, this many seconds from now.
    Refused {
        wait_seconds: u64,
    },
}

impl RateLimiter {
    pub fn new(db: AnyPool, limits: RateLimits) -> RateLimiter {
        RateLimiter { db, limits }
    }

    fn max(&self, action: LimitedAction) -> u32 {
        match action {
            LimitedAction::SignIn => self.limits.sign_ins,
            LimitedAction::CodeAttempt => self.limits.code_attempts,
            LimitedAction::Upload => self.limits.uploads,
        }
    }

    /// Counts one attempt of `action` by `who` and says whether it may go ahead. A database
    /// failure lets it through (logged): the limit slows attackers down, it must not lock
    /// everyone out when the database hiccups — the action itself will meet the same failure.
    pub async fn hit(&self, action: LimitedAction, who: &str) -> Verdict {
        let now = unix_now();
        let window = i64::try_from(self.limits.window.as_secs())
            .unwrap_or(i64::MAX)
            .max(1);
        let window_start = now - now.rem_euclid(window);
        let counted = rate_limits::count(&self.db, &bucket(action, who), window_start).await;
        match counted {
            Ok(hits) if hits > i64::from(self.max(action)) => Verdict::Refused {
                wait_seconds: u64::try_from(window_start + window - now).unwrap_or(1),
            },
            Ok(_) => Verdict::Allowed,
            Err(error) => {
                tracing::warn!(%error, %action, "cannot count an attempt; letting it through");
                Verdict::Allowed
            }
        }
    }

    /// Forgets windows that ended: run now and then, with the expired sessions.
    pub async fn delete_ended(&self) -> Result<(), StoreError> {
        let window = i64::try_from(self.limits.window.as_secs()).unwrap_or(i64::MAX);
        rate_limits::delete_before(&self.db, unix_now().saturating_sub(window)).await
    }
}

/// The counter's key: the action and a hash of who (an address is personal data; the table
/// needs only to tell people apart).
fn bucket(action: LimitedAction, who: &str) -> String {
    let digest = Sha256::digest(who.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("{action}:{hex}")
}

/// The address the request came from: the peer, or, when the peer is a trusted proxy, the
/// right-most address in `X-Forwarded-For` that is not one (what the proxy itself saw; the
/// entries left of it are the client's word).
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|entry| entry.trim().parse().ok())
        .collect();
    Some(
        forwarded
            .into_iter()
            .rev()
            .find(|address| !trusted.contains(address))
            .unwrap_or(peer),
    )
}

fn peer(request: &Request) -> Option<IpAddr> {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
}

/// Sign-in starts and returns from the provider, per network address.
pub async fn sign_ins(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let address = client_address(
        peer(&request),
        request.headers(),
        &state.config.rate_limits.trusted_proxies,
    );
    let who = address.map_or_else(|| "unknown".to_owned(), |a| a.to_string());
    limit(&state, LimitedAction::SignIn, &who, "/", request, next).await
}

/// Certification codes typed from a letter, per person.
pub async fn code_attempts(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    per_person(state, LimitedAction::CodeAttempt, request, next).await
}

/// Files sent (a multipart post: a wizard step's document or an answer's file), per person.
pub async fn uploads(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if request.method() != Method::POST || !multipart {
        return next.run(request).await;
    }
    per_person(state, LimitedAction::Upload, request, next).await
}

/// Counts by the signed-in person; someone signed out is counted by address (the handler will
/// send them to sign in anyway).
async fn per_person(
    state: AppState,
    action: LimitedAction,
    request: Request,
    next: Next,
) -> Response {
    let who = match request.extensions().get::<Viewer>() {
        Some(viewer) => format!("person:{}", viewer.person_id),
        None => client_address(
            peer(&request),
            request.headers(),
            &state.config.rate_limits.trusted_proxies,
        )
        .map_or_else(|| "unknown".to_owned(), |a| format!("address:{a}")),
    };
    let back = request.uri().path().to_owned();
    limit(&state, action, &who, &back, request, next).await
}

async fn limit(
    state: &AppState,
    action: LimitedAction,
    who: &str,
    back: &str,
    request: Request,
    next: Next,
) -> Response {
    match state.rate_limiter.hit(action, who).await {
        Verdict::Allowed => next.run(request).await,
        Verdict::Refused { wait_seconds } => {
            tracing::warn!(%action, wait_seconds, "rate limit reached");
            crate::metrics::rate_limited(action.code());
            let (parts, _body) = request.into_parts();
            let page = action.page_address(wait_seconds, back);
            let mut response = render_page(
                state,
                parts,
                Some(&page),
                WithoutBundle,
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await;
            *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait_seconds.max(1)));
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(forwarded: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", forwarded.parse().unwrap());
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_a_trusted_proxy_the_peer_is_the_client() {
        let spoofed = headers("203.0.113.9");
        assert_eq!(
            client_address(Some(ip("198.51.100.7")), &spoofed, &[]),
            Some(ip("198.51.100.7"))
        );
        assert_eq!(client_address(None, &spoofed, &[]), None);
    }

    #[test]
    fn behind_a_trusted_proxy_the_address_it_saw_counts() {
        let trusted = [ip("127.0.0.1")];
        // The client claimed 203.0.113.9; the proxy appended what it saw.
        let forwarded = headers("203.0.113.9, 198.51.100.7");
        assert_eq!(
            client_address(Some(ip("127.0.0.1")), &forwarded, &trusted),
            Some(ip("198.51.100.7"))
        );
        // No header: the proxy itself.
        assert_eq!(
            client_address(Some(ip("127.0.0.1")), &HeaderMap::new(), &trusted),
            Some(ip("127.0.0.1"))
        );
    }

    #[test]
    fn buckets_tell_people_apart_without_holding_their_address() {
        let one = bucket(LimitedAction::SignIn, "198.51.100.7");
        assert!(one.starts_with("connexion:"));
        assert!(!one.contains("198.51"));
        assert_ne!(one, bucket(LimitedAction::SignIn, "198.51.100.8"));
        assert_ne!(one, bucket(LimitedAction::Upload, "198.51.100.7"));
    }
}
