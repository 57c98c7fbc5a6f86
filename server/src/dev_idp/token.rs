//! The token endpoint: the client authenticates (`client_secret_basic` or `_post`), redeems its
//! code once with its PKCE verifier, and gets an RS256 ID token.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use openidconnect::core::{CoreIdToken, CoreIdTokenClaims, CoreJwsSigningAlgorithm};
use openidconnect::{
    AccessToken, Audience, AuthenticationContextClass, EmptyAdditionalClaims, EndUserEmail,
    EndUserFamilyName, EndUserGivenName, IssuerUrl, LocalizedClaim, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, StandardClaims, SubjectIdentifier,
};
use serde::Deserialize;
use serde_json::json;

use super::{DevIdp, IssuedCode, CODE_LIFETIME_SECONDS, ID_TOKEN_LIFETIME};

#[derive(Deserialize)]
pub(super) struct TokenRequest {
    #[serde(default)]
    grant_type: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    redirect_uri: String,
    #[serde(default)]
    code_verifier: String,
    #[serde(default)]
    client_id: Option<String>,
    #[serde(default)]
    client_secret: Option<String>,
}

fn oauth_error(status: StatusCode, error: &str) -> Response {
    (status, Json(json!({ "error": error }))).into_response()
}

/// The client's credentials from HTTP Basic (`client_secret_basic`) or the form
/// (`client_secret_post`).
fn client_credentials(headers: &HeaderMap, form: &TokenRequest) -> Option<(String, String)> {
    use base64::Engine as _;
    if let Some(basic) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
    {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(basic.trim())
            .ok()?;
        let decoded = String::from_utf8(decoded).ok()?;
        let (id, secret) = decoded.split_once(':')?;
        let unescape = |s: &str| {
            url::form_urlencoded::parse(format!("x={s}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
        };
        return Some((unescape(id)?, unescape(secret)?));
    }
    Some((form.client_id.clone()?, form.client_secret.clone()?))
}

pub(super) async fn token(
    State(idp): State<Arc<DevIdp>>,
    headers: HeaderMap,
    Form(form): Form<TokenRequest>,
) -> Response {
    match client_credentials(&headers, &form) {
        Some((id, secret)) if id == idp.client_id && secret == idp.client_secret => {}
        _ => return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client"),
    }
    if form.grant_type != "authorization_code" {
        return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type");
    }
    // Removed on first use: a replayed code finds nothing.
    let issued = match idp.take(&form.code).await {
        Ok(issued) => issued,
        Err(error) => {
            tracing::error!(%error, "the development provider cannot read its codes");
            return oauth_error(StatusCode::INTERNAL_SERVER_ERROR, "server_error");
        }
    };
    let now = crate::clock::unix_now();
    let Some(issued) = issued.filter(|i| now - i.issued_at < CODE_LIFETIME_SECONDS) else {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    };
    if form.redirect_uri != idp.redirect_uri {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    }
    let challenge =
        PkceCodeChallenge::from_code_verifier_sha256(&PkceCodeVerifier::new(form.code_verifier));
    if challenge.as_str() != issued.code_challenge {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    }
    let access_token = AccessToken::new(
        openidconnect::CsrfToken::new_random_len(32)
            .secret()
            .clone(),
    );
    match sign_id_token(&idp, &issued, &access_token) {
        Ok(id_token) => Json(json!({
            "access_token": access_token.secret(),
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token.to_string(),
        }))
        .into_response(),
        Err(error) => {
            tracing::error!(%error, "the development provider cannot sign an ID token");
            oauth_error(StatusCode::INTERNAL_SERVER_ERROR, "server_error")
        }
    }
}

fn sign_id_token(
    idp: &DevIdp,
    issued: &IssuedCode,
    access_token: &AccessToken,
) -> Result<CoreIdToken, String> {
    let now = chrono::Utc::now();
    let identity = issued.identity;
    let claims = CoreIdTokenClaims::new(
        IssuerUrl::new(idp.issuer.clone()).map_err(|e| e.to_string())?,
        vec![Audience::new(idp.client_id.clone())],
        now + ID_TOKEN_LIFETIME,
        now,
        StandardClaims::new(SubjectIdentifier::new(identity.subject.to_owned()))
            .set_given_name(Some(LocalizedClaim::from(EndUserGivenName::new(
                identity.given_name.to_owned(),
            ))))
            .set_family_name(Some(LocalizedClaim::from(EndUserFamilyName::new(
                identity.family_name.to_owned(),
            ))))
            .set_email(Some(EndUserEmail::new(identity.email.to_owned()))),
        EmptyAdditionalClaims {},
    )
    .set_nonce(issued.nonce.clone().map(Nonce::new))
    .set_auth_context_ref(Some(AuthenticationContextClass::new(issued.acr.to_owned())))
    .set_auth_time(Some(now));
    CoreIdToken::new(
        claims,
        &idp.key,
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        Some(access_token),
        None,
    )
    .map_err(|e| e.to_string())
}
