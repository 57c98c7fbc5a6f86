//! The portal as an OpenID Connect relying party: authorization code flow with PKCE, `state`
//! and `nonce`; the ID token's signature (from the provider's JWKS), `iss`, `aud`, `exp` and
//! `nonce` checked by `openidconnect`. The provider is found through its discovery document,
//! so the built-in development provider and a real one differ only by the issuer URL.

use std::str::FromStr;
use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthDisplay, CoreClaimName, CoreClaimType, CoreClient, CoreClientAuthMethod, CoreGrantType,
    CoreIdToken, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm,
    CoreResponseMode, CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AuthenticationContextClass, AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret,
    CsrfToken, EmptyAdditionalProviderMetadata, EndpointMaybeSet, EndpointNotSet, EndpointSet,
    IssuerUrl, LogoutProviderMetadata, LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, ProviderMetadata, RedirectUrl, Scope,
};
use serde::{Deserialize, Serialize};
use tokio::sync::RwLock;
use url::Url;

use crate::config::Config;

type Metadata = ProviderMetadata<
    LogoutProviderMetadata<EmptyAdditionalProviderMetadata>,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

/// A client built from discovery: the authorization endpoint is known, the token and userinfo
/// endpoints may be.
type DiscoveredClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How long the discovery document and key set are reused before being fetched again: a
/// provider that rotates its keys is followed within this time.
const METADATA_TTL: Duration = Duration::from_secs(300);

/// Why a sign-in failed. The person sees one of a few plain messages (see `reason`); the
/// details go to the log.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("no identity provider is configured")]
    NotConfigured,
    #[error("the identity provider cannot be reached: {0}")]
    ProviderUnreachable(String),
    #[error("no sign-in is under way in this session (expired, replayed, or another browser)")]
    NoSignInUnderway,
    #[error("the state returned does not match the one sent")]
    StateMismatch,
    #[error("the identity provider answered with an error: {0}")]
    ProviderRefused(String),
    #[error("the code could not be exchanged for tokens: {0}")]
    TokenExchange(String),
    #[error("the identity provider sent no ID token")]
    IdTokenMissing,
    #[error("the ID token was refused: {0}")]
    IdTokenInvalid(String),
    #[error("the session could not be stored: {0}")]
    Session(String),
}

impl SignInError {
    /// The short reason in the failure page's address: `cancelled`, `expired`, `invalid` or
    /// `unavailable`, each with its own message.
    pub fn reason(&self) -> &'static str {
        match self {
            SignInError::ProviderRefused(error) if error == "access_denied" => "cancelled",
            SignInError::NoSignInUnderway => "expired",
            SignInError::StateMismatch
            | SignInError::ProviderRefused(_)
            | SignInError::TokenExchange(_)
            | SignInError::IdTokenMissing
            | SignInError::IdTokenInvalid(_) => "invalid",
            SignInError::NotConfigured
            | SignInError::ProviderUnreachable(_)
            | SignInError::Session(_) => "unavailable",
        }
    }
}

/// What the portal keeps in the session between sending the person to the provider and their
/// return: the secrets that tie the answer to this request.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    /// Where to go once signed in (a local path).
    pub return_to: String,
}

/// A checked ID token's facts.
#[derive(Clone, Debug)]
pub struct VerifiedIdentity {
    pub issuer: String,
    pub subject: String,
    pub given_name: String,
    pub family_name: String,
    pub acr: Option<String>,
    /// Kept to name the session when asking the provider to end it.
    pub id_token: String,
}

pub struct RelyingParty {
    issuer: Option<String>,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect_url: String,
    post_logout_url: String,
    acr_values: Vec<String>,
    http: reqwest::Client,
    metadata: RwLock<Option<(Instant, Metadata)>>,
}

impl RelyingParty {
    pub fn new(config: &Config) -> RelyingParty {
        let http = reqwest::Client::builder()
            // A provider must not redirect its back-channel endpoints (SSRF protection).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        RelyingParty {
            issuer: config.identity.issuer.clone(),
            client_id: ClientId::new(config.identity.client_id.clone()),
            client_secret: ClientSecret::new(config.identity.client_secret.clone()),
            redirect_url: config.callback_url(),
            post_logout_url: format!("{}/", config.public_url),
            acr_values: config.identity.acr_values.clone(),
            http,
            metadata: RwLock::new(None),
        }
    }

    async fn metadata(&self) -> Result<Metadata, SignInError> {
        if let Some((fetched, metadata)) = self.metadata.read().await.as_ref() {
            if fetched.elapsed() < METADATA_TTL {
                return Ok(metadata.clone());
            }
        }
        let issuer = self.issuer.clone().ok_or(SignInError::NotConfigured)?;
        let issuer =
            IssuerUrl::new(issuer).map_err(|e| SignInError::ProviderUnreachable(e.to_string()))?;
        let metadata = Metadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| SignInError::ProviderUnreachable(error_chain(&e)))?;
        *self.metadata.write().await = Some((Instant::now(), metadata.clone()));
        Ok(metadata)
    }

    /// The provider's authorization URL, and what to keep in the session until the return.
    pub async fn begin(&self, return_to: String) -> Result<(Url, PendingSignIn), SignInError> {
        let metadata = self.metadata().await?;
        let client = self.client(metadata)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("profile".into()))
            .add_scope(Scope::new("email".into()))
            .set_pkce_challenge(challenge);
        for acr in &self.acr_values {
            request = request.add_auth_context_value(AuthenticationContextClass::new(acr.clone()));
        }
        let (url, state, nonce) = request.url();
        Ok((
            url,
            PendingSignIn {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
                return_to,
            },
        ))
    }

    /// Checks the provider's answer against the pending request, redeems the code and checks
    /// the ID token.
    pub async fn finish(
        &self,
        pending: &PendingSignIn,
        code: &str,
        returned_state: &str,
    ) -> Result<VerifiedIdentity, SignInError> {
        if !constant_time_eq(pending.state.as_bytes(), returned_state.as_bytes()) {
            return Err(SignInError::StateMismatch);
        }
        let metadata = self.metadata().await?;
        let issuer = metadata.issuer().to_string();
        let client = self.client(metadata)?;
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| SignInError::TokenExchange(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| SignInError::TokenExchange(error_chain(&e)))?;
        let id_token = response
            .extra_fields()
            .id_token()
            .ok_or(SignInError::IdTokenMissing)?;
        let claims = id_token
            .claims(
                &client.id_token_verifier(),
                &Nonce::new(pending.nonce.clone()),
            )
            .map_err(|e| SignInError::IdTokenInvalid(error_chain(&e)))?;
        // A nonce is mandatory here: `claims` accepts a token without one only if none was sent.
        if claims.nonce().map(Nonce::secret) != Some(&pending.nonce) {
            return Err(SignInError::IdTokenInvalid("nonce missing".into()));
        }
        let name = |claim: Option<String>| claim.unwrap_or_default();
        Ok(VerifiedIdentity {
            issuer,
            subject: claims.subject().to_string(),
            given_name: name(
                claims
                    .given_name()
                    .and_then(|n| n.get(None))
                    .map(|n| n.to_string()),
            ),
            family_name: name(
                claims
                    .family_name()
                    .and_then(|n| n.get(None))
                    .map(|n| n.to_string()),
            ),
            acr: claims.auth_context_ref().map(|a| a.to_string()),
            id_token: id_token.to_string(),
        })
    }

    /// Where to send the person after the local session ended: the provider's end-session
    /// endpoint when it has one (so its own session ends too), else the home page.
    pub async fn end_session_url(&self, id_token: Option<&str>) -> Option<Url> {
        let metadata = self.metadata().await.ok()?;
        let endpoint = metadata
            .additional_metadata()
            .end_session_endpoint
            .clone()?;
        let mut request = LogoutRequest::from(endpoint)
            .set_client_id(self.client_id.clone())
            .set_post_logout_redirect_uri(
                PostLogoutRedirectUrl::new(self.post_logout_url.clone()).ok()?,
            );
        if let Some(token) = id_token.and_then(|t| CoreIdToken::from_str(t).ok()) {
            request = request.set_id_token_hint(&token);
        }
        Some(request.http_get_url())
    }

    /// This portal as the provider's client: endpoints from discovery, our id, secret and
    /// callback address.
    fn client(&self, metadata: Metadata) -> Result<DiscoveredClient, SignInError> {
        let redirect = RedirectUrl::new(self.redirect_url.clone())
            .map_err(|e| SignInError::ProviderUnreachable(e.to_string()))?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            self.client_id.clone(),
            Some(self.client_secret.clone()),
        )
        .set_redirect_uri(redirect))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
