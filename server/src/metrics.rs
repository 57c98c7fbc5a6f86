//! Prometheus metrics at `/metrics`: requests by route and status, their latency, submissions
//! and decisions. Each server process counts its own; Prometheus scrapes every process and
//! adds them up.
//!
//! Routes are labelled by their pattern (`/espace/entreprises/{id}`), never by the address
//! itself: ids would make a series per eSpace, and an address can hold what someone typed.

use std::net::{IpAddr, SocketAddr};
use std::sync::LazyLock;
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder,
};

use crate::AppState;

struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    submissions: IntCounterVec,
    decisions: IntCounterVec,
    rate_limited: IntCounterVec,
    scanned: IntCounterVec,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let registry = Registry::new_custom(Some("alarmis".to_owned()), None).expect("a valid prefix");
    let requests = IntCounterVec::new(
        Opts::new(
            "http_requests_total",
            "HTTP requests answered, by route, method and status",
        ),
        &["route", "method", "status"],
    )
    .expect("valid metric");
    let latency = HistogramVec::new(
        HistogramOpts::new(
            "http_request_duration_seconds",
            "Time from a request's arrival to its response's headers, by route and method",
        )
        // From a cached file (sub-millisecond) to an upload of 30 MB.
        .buckets(vec![
            0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
        ]),
        &["route", "method"],
    )
    .expect("valid metric");
    let submissions = IntCounterVec::new(
        Opts::new(
            "requests_submitted_total",
            "Requests submitted, by procedure",
        ),
        &["procedure"],
    )
    .expect("valid metric");
    let decisions = IntCounterVec::new(
        Opts::new(
            "decisions_total",
            "Decisions taken by the Police, by procedure and outcome",
        ),
        &["procedure", "decision"],
    )
    .expect("valid metric");
    let rate_limited = IntCounterVec::new(
        Opts::new(
            "rate_limited_total",
            "Attempts refused by a rate limit, by action",
        ),
        &["action"],
    )
    .expect("valid metric");
    let scanned = IntCounterVec::new(
        Opts::new(
            "uploads_scanned_total",
            "Uploads scanned by clamd, by verdict (clean, infected, unavailable)",
        ),
        &["verdict"],
    )
    .expect("valid metric");
    for collector in [
        Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
        Box::new(latency.clone()),
        Box::new(submissions.clone()),
        Box::new(decisions.clone()),
        Box::new(rate_limited.clone()),
        Box::new(scanned.clone()),
    ] {
        registry
            .register(collector)
            .expect("each metric registered once");
    }
    Metrics {
        registry,
        requests,
        latency,
        submissions,
        decisions,
        rate_limited,
        scanned,
    }
});

/// One more submission of `procedure` (its code: `certification`, `connection`).
pub fn submitted(procedure: &str) {
    METRICS.submissions.with_label_values(&[procedure]).inc();
}

/// One more decision (`approved`, `refused`) on a request of `procedure`.
pub fn decided(procedure: &str, decision: &str) {
    METRICS
        .decisions
        .with_label_values(&[procedure, decision])
        .inc();
}

/// One more attempt refused by the limit on `action`.
pub fn rate_limited(action: &str) {
    METRICS.rate_limited.with_label_values(&[action]).inc();
}

/// One more upload scanned, by what clamd said (`clean`, `infected`, `unavailable`).
pub fn scanned(verdict: &str) {
    METRICS.scanned.with_label_values(&[verdict]).inc();
}

/// Counts and times every request; outermost but for the request id, so refusals count too.
pub async fn record(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = route_label(&request);
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    METRICS
        .requests
        .with_label_values(&[route.as_str(), method.as_str(), status.as_str()])
        .inc();
    METRICS
        .latency
        .with_label_values(&[route.as_str(), method.as_str()])
        .observe(started.elapsed().as_secs_f64());
    response
}

/// The route's pattern; files of the site and unknown addresses share one label each.
fn route_label(request: &Request) -> String {
    if let Some(matched) = request.extensions().get::<MatchedPath>() {
        return matched.as_str().to_owned();
    }
    let path = request.uri().path();
    if path.starts_with("/pkg/") {
        "/pkg/{file}".to_owned()
    } else {
        "other".to_owned()
    }
}

/// `GET /metrics`: with `ALARMIS_METRICS_TOKEN` set, for whoever sends it as a bearer token;
/// without, only for a scraper on the same machine talking to this process directly (not
/// through a proxy, which would make every visitor look local).
pub async fn export(State(state): State<AppState>, request: Request) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip());
    let allowed = match &state.config.metrics_token {
        Some(token) => request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|sent| constant_time_equal(sent.as_bytes(), token.as_bytes())),
        None => {
            peer.is_some_and(|ip: IpAddr| ip.is_loopback())
                && !request.headers().contains_key("x-forwarded-for")
        }
    };
    if !allowed {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut text = Vec::new();
    if let Err(error) = TextEncoder::new().encode(&METRICS.registry.gather(), &mut text) {
        tracing::error!(%error, "cannot encode the metrics");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    ([(header::CONTENT_TYPE, prometheus::TEXT_FORMAT)], text).into_response()
}

/// Compares without stopping at the first difference, so timing tells nothing of the token.
fn constant_time_equal(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_appear_in_the_export_text() {
        submitted("connection");
        decided("connection", "approved");
        rate_limited("connexion");
        let mut text = Vec::new();
        TextEncoder::new()
            .encode(&METRICS.registry.gather(), &mut text)
            .unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("alarmis_requests_submitted_total{procedure=\"connection\"}"));
        assert!(text
            .contains("alarmis_decisions_total{decision=\"approved\",procedure=\"connection\"}"));
        assert!(text.contains("alarmis_rate_limited_total{action=\"connexion\"}"));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_equal(b"secret", b"secret"));
        assert!(!constant_time_equal(b"secret", b"secreT"));
        assert!(!constant_time_equal(b"secret", b"secret2"));
    }
}
