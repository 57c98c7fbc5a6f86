//! The development identity provider: a stand-in for LuxTrust / eID that speaks standard
//! OpenID Connect (discovery, authorize, token, JWKS, end-session), so the portal's relying
//! party runs exactly the code it runs against a real provider; only the issuer URL differs.
//!
//! On only with `ALARMIS_DEV_IDP=on`. Its codes are in the portal's database and its key in the
//! data folder, so several processes behind one address share them.

mod choice_page;
pub mod identities;
pub mod keys;
mod token;

use std::sync::Arc;

use app::api::backend::StoreError;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Json, Router};
use openidconnect::core::CoreRsaPrivateSigningKey;
use serde::Deserialize;
use serde_json::json;
use sqlx::AnyPool;
use url::Url;

use crate::config::{Config, DEV_IDP_PATH};
use crate::store::dev_idp_codes::{self, StoredCode};
use identities::TestIdentity;

/// How long a code may wait before the portal redeems it (RFC 6749 says at most 10 minutes).
const CODE_LIFETIME_SECONDS: i64 = 60;
const ID_TOKEN_LIFETIME: chrono::Duration = chrono::Duration::minutes(5);

pub struct DevIdp {
    issuer: String,
    client_id: String,
    client_secret: String,
    redirect_uri: String,
    post_logout_redirect_uri: String,
    key: CoreRsaPrivateSigningKey,
    jwks: serde_json::Value,
    db: AnyPool,
}

struct IssuedCode {
    identity: &'static TestIdentity,
    acr: &'static str,
    nonce: Option<String>,
    code_challenge: String,
    issued_at: i64,
}

impl DevIdp {
    pub fn new(config: &Config, db: AnyPool) -> Result<DevIdp, keys::KeyError> {
        let signing = keys::load_or_create(&config.data_dir)?;
        Ok(DevIdp {
            issuer: format!("{}{DEV_IDP_PATH}", config.public_url),
            client_id: config.identity.client_id.clone(),
            client_secret: config.identity.client_secret.clone(),
            redirect_uri: config.callback_url(),
            post_logout_redirect_uri: format!("{}/", config.public_url),
            jwks: serde_json::to_value(&signing.jwks).unwrap_or_default(),
            key: signing.key,
            db,
        })
    }

    /// Keeps a code for the token request, and forgets codes too old to be redeemed.
    async fn keep(&self, code: &str, issued: &IssuedCode) -> Result<(), StoreError> {
        let stored = StoredCode {
            subject: issued.identity.subject.to_owned(),
            acr: issued.acr.to_owned(),
            nonce: issued.nonce.clone(),
            code_challenge: issued.code_challenge.clone(),
            issued_at: issued.issued_at,
        };
        dev_idp_codes::keep(
            &self.db,
            code,
            &stored,
            issued.issued_at - CODE_LIFETIME_SECONDS,
        )
        .await
    }

    /// The code's facts, deleted as they are read: two redemptions cannot both find it.
    async fn take(&self, code: &str) -> Result<Option<IssuedCode>, StoreError> {
        Ok(dev_idp_codes::take(&self.db, code)
            .await?
            .and_then(|stored| {
                Some(IssuedCode {
                    identity: identities::find(&stored.subject)?,
                    acr: identities::MEANS
                        .iter()
                        .map(|(known, _)| *known)
                        .find(|known| *known == stored.acr)?,
                    nonce: stored.nonce,
                    code_challenge: stored.code_challenge,
                    issued_at: stored.issued_at,
                })
            }))
    }

    fn endpoint(&self, path: &str) -> String {
        format!("{}{path}", self.issuer)
    }
}

pub fn router<S: Clone + Send + Sync + 'static>(idp: Arc<DevIdp>) -> Router<S> {
    Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/authorize", get(authorize_page).post(authorize_decision))
        .route("/token", axum::routing::post(token::token))
        .route("/end-session", get(end_session))
        .layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
            axum::http::header::CONTENT_SECURITY_POLICY,
            axum::http::HeaderValue::from_str(&choice_page::content_security_policy())
                .expect("the policy is ASCII"),
        ))
        .with_state(idp)
}

async fn discovery(State(idp): State<Arc<DevIdp>>) -> Json<serde_json::Value> {
    Json(json!({
        "issuer": idp.issuer,
        "authorization_endpoint": idp.endpoint("/authorize"),
        "token_endpoint": idp.endpoint("/token"),
        "jwks_uri": idp.endpoint("/jwks"),
        "end_session_endpoint": idp.endpoint("/end-session"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "profile", "email"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
        "acr_values_supported": identities::MEANS.iter().map(|(acr, _)| *acr).collect::<Vec<_>>(),
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "acr", "auth_time",
                             "given_name", "family_name", "email"],
    }))
}

async fn jwks(State(idp): State<Arc<DevIdp>>) -> Json<serde_json::Value> {
    Json(idp.jwks.clone())
}

/// The authorization request's parameters, as the relying party sends them.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AuthorizeParams {
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub redirect_uri: String,
    #[serde(default)]
    pub response_type: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub code_challenge: String,
    #[serde(default)]
    pub code_challenge_method: String,
    #[serde(default)]
    pub acr_values: Option<String>,
}

/// The answer to a request this provider will not serve: a page when the client or its
/// address is unknown (it must not be redirected to), else an `error=…` back to the client.
fn refusal(idp: &DevIdp, params: &AuthorizeParams) -> Option<Response> {
    if let Err(problem) = check_client(idp, params) {
        return Some(
            (StatusCode::BAD_REQUEST, Html(choice_page::refusal(problem))).into_response(),
        );
    }
    check_request(params)
        .err()
        .map(|error| back_to_client(params, &[("error", error)]))
}

/// What is wrong with a request, for requests that cannot be sent back to the client.
fn check_client(idp: &DevIdp, params: &AuthorizeParams) -> Result<(), &'static str> {
    if params.client_id != idp.client_id {
        return Err("unknown client_id");
    }
    if params.redirect_uri != idp.redirect_uri {
        return Err("redirect_uri is not registered for this client");
    }
    Ok(())
}

/// What is wrong with a request from a known client: sent back to it as `error=…`.
fn check_request(params: &AuthorizeParams) -> Result<(), &'static str> {
    if params.response_type != "code" {
        return Err("unsupported_response_type");
    }
    if !params.scope.split(' ').any(|s| s == "openid") {
        return Err("invalid_scope");
    }
    // PKCE with S256 is required: this provider serves as an example of a strict one.
    if params.code_challenge.is_empty() || params.code_challenge_method != "S256" {
        return Err("invalid_request");
    }
    Ok(())
}

fn back_to_client(params: &AuthorizeParams, pairs: &[(&str, &str)]) -> Response {
    let Ok(mut url) = Url::parse(&params.redirect_uri) else {
        return (StatusCode::BAD_REQUEST, "invalid redirect_uri").into_response();
    };
    {
        let mut query = url.query_pairs_mut();
        for (key, value) in pairs {
            query.append_pair(key, value);
        }
        if let Some(state) = &params.state {
            query.append_pair("state", state);
        }
    }
    Redirect::to(url.as_str()).into_response()
}

async fn authorize_page(
    State(idp): State<Arc<DevIdp>>,
    Query(params): Query<AuthorizeParams>,
) -> Response {
    if let Some(refused) = refusal(&idp, &params) {
        return refused;
    }
    Html(choice_page::render(&params)).into_response()
}

#[derive(Deserialize)]
struct Decision {
    #[serde(flatten)]
    params: AuthorizeParams,
    #[serde(default)]
    action: String,
    #[serde(default)]
    identity: String,
    #[serde(default)]
    means: String,
}

async fn authorize_decision(
    State(idp): State<Arc<DevIdp>>,
    Form(decision): Form<Decision>,
) -> Response {
    let params = decision.params;
    if let Some(refused) = refusal(&idp, &params) {
        return refused;
    }
    if decision.action == "cancel" {
        return back_to_client(&params, &[("error", "access_denied")]);
    }
    let identity = identities::find(&decision.identity);
    let acr = identities::MEANS
        .iter()
        .find(|(acr, _)| *acr == decision.means)
        .map(|(acr, _)| *acr);
    let (Some(identity), Some(acr)) = (identity, acr) else {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(choice_page::render_with_problem(&params)),
        )
            .into_response();
    };
    let code = openidconnect::CsrfToken::new_random_len(32)
        .secret()
        .clone();
    let issued = IssuedCode {
        identity,
        acr,
        nonce: params.nonce.clone(),
        code_challenge: params.code_challenge.clone(),
        issued_at: crate::clock::unix_now(),
    };
    if let Err(error) = idp.keep(&code, &issued).await {
        tracing::error!(%error, "the development provider cannot keep a code");
        return (StatusCode::SERVICE_UNAVAILABLE, "cannot issue a code").into_response();
    }
    back_to_client(&params, &[("code", &code), ("iss", &idp.issuer)])
}

#[derive(Deserialize)]
struct EndSession {
    post_logout_redirect_uri: Option<String>,
    state: Option<String>,
}

/// Ends the provider's side (it keeps no session of its own) and goes back to the portal when
/// the address is the registered one.
async fn end_session(State(idp): State<Arc<DevIdp>>, Query(query): Query<EndSession>) -> Response {
    match query.post_logout_redirect_uri {
        Some(uri) if uri == idp.post_logout_redirect_uri => {
            let mut url = match Url::parse(&uri) {
                Ok(url) => url,
                Err(_) => return (StatusCode::BAD_REQUEST, "invalid address").into_response(),
            };
            if let Some(state) = query.state {
                url.query_pairs_mut().append_pair("state", &state);
            }
            Redirect::to(url.as_str()).into_response()
        }
        _ => Html(choice_page::signed_out()).into_response(),
    }
}
