//! A provider that misbehaves on request: it answers every authorization at once and signs
//! ID tokens with one chosen defect, to prove the portal refuses each.

use std::sync::{Arc, Mutex, OnceLock};

use alarmis_server::dev_idp::keys;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use openidconnect::core::{
    CoreIdToken, CoreIdTokenClaims, CoreJwsSigningAlgorithm, CoreRsaPrivateSigningKey,
};
use openidconnect::{
    AccessToken, Audience, EmptyAdditionalClaims, IssuerUrl, JsonWebKeyId, Nonce, StandardClaims,
    SubjectIdentifier,
};
use serde::Deserialize;
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Defect {
    None,
    WrongNonce,
    Expired,
    /// Signed by a key that is not in the provider's key set (under the same key id).
    WrongKey,
    WrongAudience,
    WrongIssuer,
}

pub const CLIENT_ID: &str = "alarmis-portal";
pub const CLIENT_SECRET: &str = "fake-secret";

struct Inner {
    issuer: String,
    defect: Mutex<Defect>,
    nonce: Mutex<Option<String>>,
}

pub struct FakeIdp {
    pub issuer: String,
    inner: Arc<Inner>,
}

impl FakeIdp {
    pub fn set_defect(&self, defect: Defect) {
        *self.inner.defect.lock().unwrap() = defect;
    }
}

/// Two RSA keys, made once per test binary: the provider's, and a stranger's.
fn pems() -> &'static (String, String) {
    static PEMS: OnceLock<(String, String)> = OnceLock::new();
    PEMS.get_or_init(|| {
        (
            keys::generate_pem().expect("a key"),
            keys::generate_pem().expect("another key"),
        )
    })
}

fn signing_key(pem: &str) -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new("k1".into()))).expect("key")
}

pub async fn spawn() -> FakeIdp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("port");
    let issuer = format!("http://{}", listener.local_addr().expect("addr"));
    let inner = Arc::new(Inner {
        issuer: issuer.clone(),
        defect: Mutex::new(Defect::None),
        nonce: Mutex::new(None),
    });
    let router = Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/authorize", get(authorize))
        .route("/token", post(token))
        .with_state(inner.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    FakeIdp { issuer, inner }
}

async fn discovery(State(inner): State<Arc<Inner>>) -> Json<serde_json::Value> {
    let base = &inner.issuer;
    Json(json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "jwks_uri": format!("{base}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
}

async fn jwks() -> Json<serde_json::Value> {
    use openidconnect::PrivateSigningKey;
    let set = openidconnect::core::CoreJsonWebKeySet::new(vec![
        signing_key(&pems().0).as_verification_key()
    ]);
    Json(serde_json::to_value(set).expect("json"))
}

#[derive(Deserialize)]
struct AuthorizeQuery {
    redirect_uri: String,
    state: String,
    nonce: Option<String>,
}

async fn authorize(State(inner): State<Arc<Inner>>, Query(q): Query<AuthorizeQuery>) -> Response {
    *inner.nonce.lock().unwrap() = q.nonce;
    Redirect::to(&format!(
        "{}?code=fake-code&state={}",
        q.redirect_uri, q.state
    ))
    .into_response()
}

async fn token(State(inner): State<Arc<Inner>>) -> Response {
    let defect = *inner.defect.lock().unwrap();
    let now = chrono::Utc::now();
    let (issued, expires) = if defect == Defect::Expired {
        (
            now - chrono::Duration::hours(2),
            now - chrono::Duration::hours(1),
        )
    } else {
        (now, now + chrono::Duration::minutes(5))
    };
    let issuer = if defect == Defect::WrongIssuer {
        "http://127.0.0.1:1/another-issuer".to_owned()
    } else {
        inner.issuer.clone()
    };
    let audience = if defect == Defect::WrongAudience {
        "someone-else"
    } else {
        CLIENT_ID
    };
    let nonce = if defect == Defect::WrongNonce {
        Some("not-the-nonce-sent".to_owned())
    } else {
        inner.nonce.lock().unwrap().clone()
    };
    let claims = CoreIdTokenClaims::new(
        IssuerUrl::new(issuer).expect("url"),
        vec![Audience::new(audience.into())],
        expires,
        issued,
        StandardClaims::new(SubjectIdentifier::new("fake-subject".into())),
        EmptyAdditionalClaims {},
    )
    .set_nonce(nonce.map(Nonce::new));
    let pem = if defect == Defect::WrongKey {
        &pems().1
    } else {
        &pems().0
    };
    let access_token = AccessToken::new("fake-access-token".into());
    let id_token = CoreIdToken::new(
        claims,
        &signing_key(pem),
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        Some(&access_token),
        None,
    )
    .expect("signed");
    Json(json!({
        "access_token": access_token.secret(),
        "token_type": "Bearer",
        "id_token": id_token.to_string(),
    }))
    .into_response()
}
