//! Headers every response carries: a Content-Security-Policy, `nosniff`, a referrer policy, no
//! framing, and HSTS when people reach the portal over https.
//!
//! Pages are rendered with a fresh nonce (leptos_axum makes one per render and puts it on the
//! hydration scripts and the resource chunks); `page_policy` names it in the page's own policy.
//! Every other response (files, server functions, redirects, plain errors) gets `BASE_POLICY`:
//! the same rules with no inline script at all.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::config::Config;

/// What a page of the portal needs: its own scripts and styles, the WASM bundle
/// (`'wasm-unsafe-eval'` lets `WebAssembly.instantiateStreaming` compile it, and is not `eval`),
/// server functions on the same origin, and nothing from anywhere else.
const DIRECTIVES: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
     connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The headers, computed once from the configuration.
#[derive(Clone, Debug)]
pub struct SecurityHeaders {
    /// Where forms may send people: this portal, and the identity provider, whom sign-in and
    /// sign-out forms reach by redirect (browsers hold redirects after a form to `form-action`).
    form_action: String,
    hsts: bool,
}

impl SecurityHeaders {
    pub fn new(config: &Config) -> SecurityHeaders {
        let provider = config
            .identity
            .issuer
            .as_deref()
            .and_then(|issuer| url::Url::parse(issuer).ok())
            .map(|url| url.origin().ascii_serialization())
            .filter(|origin| *origin != "null" && *origin != config.public_url);
        SecurityHeaders {
            form_action: match provider {
                Some(origin) => format!("form-action 'self' {origin}"),
                None => "form-action 'self'".to_owned(),
            },
            hsts: config.is_https(),
        }
    }

    /// The policy of anything that is not a rendered page: no inline script may run.
    pub fn base_policy(&self) -> String {
        format!(
            "{DIRECTIVES}; script-src 'self' 'wasm-unsafe-eval'; {}",
            self.form_action
        )
    }

    /// A rendered page's policy: its own inline scripts carry `nonce`, and only they run.
    pub fn page_policy(&self, nonce: &str) -> String {
        format!(
            "{DIRECTIVES}; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; {}",
            self.form_action
        )
    }
}

/// Adds the headers a handler has not set itself (a page sets its own policy with its nonce;
/// the development provider sets one for its inline style).
pub async fn add(
    axum::extract::State(headers): axum::extract::State<std::sync::Arc<SecurityHeaders>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let set = response.headers_mut();
    let mut default = |name: header::HeaderName, value: &str| {
        if !set.contains_key(&name) {
            if let Ok(value) = HeaderValue::from_str(value) {
                set.insert(name, value);
            }
        }
    };
    default(header::CONTENT_SECURITY_POLICY, &headers.base_policy());
    default(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Links to other sites (the Police, Legilux) learn the portal's origin only, never a path
    // that holds an eSpace or a request id.
    default(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    // For browsers older than `frame-ancestors`.
    default(header::X_FRAME_OPTIONS, "DENY");
    if headers.hsts {
        // Two years, the preload list's minimum; only ever sent over https.
        default(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=63072000; includeSubDomains",
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Config {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
            .expect("valid configuration")
    }

    #[test]
    fn pages_allow_their_nonce_and_the_bundle_only() {
        let headers = SecurityHeaders::new(&config(&[("ALARMIS_DEV_IDP", "on")]));
        let page = headers.page_policy("abc123");
        assert!(page.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(page.contains("frame-ancestors 'none'"));
        assert!(page.contains("object-src 'none'"));
        assert!(!page.contains("unsafe-inline"));
        assert!(!page.contains("'unsafe-eval'"));
        // The built-in provider lives on the portal's own origin.
        assert!(page.ends_with("form-action 'self'"));
        assert!(!headers.base_policy().contains("nonce"));
        assert!(!headers.hsts);
    }

    #[test]
    fn forms_may_reach_an_outside_provider_and_https_gets_hsts() {
        let headers = SecurityHeaders::new(&config(&[
            ("ALARMIS_PUBLIC_URL", "https://alarmis.example.lu"),
            (
                "ALARMIS_OIDC_ISSUER",
                "https://login.example.lu/realms/citizens/",
            ),
            ("ALARMIS_OIDC_CLIENT_SECRET", "secret"),
        ]));
        assert!(headers
            .base_policy()
            .ends_with("form-action 'self' https://login.example.lu"));
        assert!(headers.hsts);
    }
}
