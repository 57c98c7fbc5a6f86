//! `GET /auth/login`, `GET /auth/callback`, `POST /auth/logout`.

use app::i18n::Locale;
use app::model::PersonId;
use app::model::{AuthMeans, Role};
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use super::relying_party::{PendingSignIn, SignInError};
use super::signed_in::{SignedIn, KEY, PENDING_KEY};
use crate::clock::unix_now;
use crate::routes::{is_local_path, language_cookie};
use crate::store::audit::Event;
use crate::store::persons;
use crate::AppState;
use app::model::case::AuditAction;

/// Where a person lands after signing in, unless they were on their way somewhere.
use app::paths::PRIVATE_ESPACE as DEFAULT_RETURN;
/// The portal page that explains a failed sign-in; `?reason=` picks the message.
pub use app::paths::SIGN_IN_FAILURE as FAILURE_PATH;

#[derive(Deserialize)]
pub struct LoginQuery {
    return_to: Option<String>,
}

fn failure(error: &SignInError) -> Response {
    match error {
        SignInError::ProviderUnreachable(_) | SignInError::Session(_) => {
            tracing::error!(%error, "sign-in failed")
        }
        _ => tracing::warn!(%error, "sign-in refused"),
    }
    Redirect::to(&format!("{FAILURE_PATH}?reason={}", error.reason())).into_response()
}

pub async fn login(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<LoginQuery>,
) -> Response {
    let return_to = query
        .return_to
        .filter(|path| is_local_path(path))
        .unwrap_or_else(|| DEFAULT_RETURN.to_owned());
    let (url, pending) = match state.identity.begin(return_to).await {
        Ok(started) => started,
        Err(error) => return failure(&error),
    };
    if let Err(error) = session.insert(PENDING_KEY, &pending).await {
        return failure(&SignInError::Session(error.to_string()));
    }
    Redirect::to(url.as_str()).into_response()
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

pub async fn callback(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Response {
    match finish_sign_in(&state, &session, query).await {
        Ok((return_to, person_id)) => {
            let mut response = Redirect::to(&return_to).into_response();
            if let Some(cookie) = remembered_language(&state, &headers, &person_id).await {
                response.headers_mut().insert(SET_COOKIE, cookie);
            }
            response
        }
        Err(error) => failure(&error),
    }
}

/// The person's language across devices: a choice made in this browser (its cookie) goes into
/// their profile; without one, the profile's choice comes back as this browser's cookie.
async fn remembered_language(
    state: &AppState,
    headers: &HeaderMap,
    person_id: &PersonId,
) -> Option<HeaderValue> {
    let chosen_here = app::i18n::language_cookie(headers).and_then(Locale::from_tag);
    let outcome = match chosen_here {
        Some(locale) => persons::save_locale(&state.db, person_id, locale)
            .await
            .map(|()| None),
        None => persons::saved_locale(&state.db, person_id).await,
    };
    match outcome {
        Ok(saved) => saved.and_then(|locale| language_cookie(locale, state.config.is_https())),
        Err(error) => {
            tracing::warn!(%error, "cannot read or keep the person's language");
            None
        }
    }
}

/// Signs the person in; where to send them next, and who they are.
async fn finish_sign_in(
    state: &AppState,
    session: &Session,
    query: CallbackQuery,
) -> Result<(String, PersonId), SignInError> {
    // Taken out at once: whatever happens next, this answer cannot be used a second time.
    let pending: PendingSignIn = session
        .remove(PENDING_KEY)
        .await
        .map_err(|e| SignInError::Session(e.to_string()))?
        .ok_or(SignInError::NoSignInUnderway)?;
    if let Some(error) = query.error {
        return Err(SignInError::ProviderRefused(error));
    }
    let (Some(code), Some(returned_state)) = (query.code, query.state) else {
        return Err(SignInError::ProviderRefused("no code".into()));
    };
    let identity = state
        .identity
        .finish(&pending, &code, &returned_state)
        .await?;
    let person_id = persons::upsert(
        &state.db,
        &identity.issuer,
        &identity.subject,
        &identity.given_name,
        &identity.family_name,
    )
    .await
    .map_err(|e| SignInError::Session(e.to_string()))?;
    let role = if state
        .config
        .identity
        .agent_subjects
        .contains(&identity.subject)
    {
        Role::PoliceAgent
    } else {
        Role::Applicant
    };
    let now = unix_now();
    let signed_in = SignedIn {
        person_id,
        subject: identity.subject,
        given_name: identity.given_name,
        family_name: identity.family_name,
        means: AuthMeans::from_acr(identity.acr.as_deref()),
        role,
        id_token: identity.id_token,
        signed_in_at: now,
        last_seen: now,
    };
    // Recorded before the session exists: a sign-in the trail cannot hold does not happen.
    let event = match signed_in.role {
        Role::PoliceAgent => Event::agent(&signed_in.person_id, AuditAction::SignedIn),
        Role::Applicant => Event::applicant(&signed_in.person_id, AuditAction::SignedIn),
    };
    crate::store::audit::record(&state.db, event)
        .await
        .map_err(|e| SignInError::Session(e.to_string()))?;
    // A new session id at sign-in: an id planted before (session fixation) becomes worthless.
    session
        .cycle_id()
        .await
        .map_err(|e| SignInError::Session(e.to_string()))?;
    session
        .insert(KEY, &signed_in)
        .await
        .map_err(|e| SignInError::Session(e.to_string()))?;
    tracing::info!(role = ?signed_in.role, "signed in");
    Ok((pending.return_to, signed_in.person_id))
}

/// Ends the session here (its record is deleted, so the old cookie is worth nothing), then
/// at the provider when it offers an end-session endpoint.
pub async fn logout(State(state): State<AppState>, session: Session) -> Response {
    let signed_in: Option<SignedIn> = session.get(KEY).await.ok().flatten();
    if let Err(error) = session.flush().await {
        tracing::error!(%error, "cannot end a session");
    }
    let id_token = signed_in.as_ref().map(|s| s.id_token.as_str());
    match state.identity.end_session_url(id_token).await {
        Some(url) if signed_in.is_some() => Redirect::to(url.as_str()).into_response(),
        _ => Redirect::to("/").into_response(),
    }
}
