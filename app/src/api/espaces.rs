//! The private and business eSpaces. Every function starts from the session: ids in requests
//! are only ever looked up among the caller's own eSpaces.

use leptos::prelude::*;

use super::PortalError;
use crate::model::{
    BusinessEspace, BusinessEspaceForm, BusinessId, PrivateEspace, RegisteredBusiness, Viewer,
};

/// The signed-in person, or `None`: for the header, which shows "Sign in" or the name.
#[server(endpoint = "viewer")]
pub async fn current_viewer() -> Result<Option<Viewer>, PortalError> {
    Ok(super::session::viewer())
}

/// Keeps a signed-in person's session open (the request itself renews it) and says for how
/// long, in seconds, without a further request: the page's warning before the session ends.
#[server(endpoint = "keep_session")]
pub async fn keep_session() -> Result<u64, PortalError> {
    super::session::require_viewer()?;
    session_idle_seconds().ok_or(PortalError::Unavailable)
}

/// How long the signed-in person's session lasts without a request, in seconds; `None` for
/// someone not signed in. Read while a page renders (the page's own request renewed it).
#[cfg(feature = "ssr")]
pub fn session_idle_seconds() -> Option<u64> {
    super::session::viewer()?;
    use_context::<super::backend::SessionIdleSeconds>().map(|idle| idle.0)
}

/// How long drafts and refused requests are kept, for the privacy notice; anyone may ask.
#[server(endpoint = "retention_terms")]
pub async fn retention_terms() -> Result<crate::model::retention::RetentionTerms, PortalError> {
    use_context::<crate::model::retention::RetentionTerms>().ok_or(PortalError::Unavailable)
}

#[server(endpoint = "load_private_espace")]
pub async fn load_private_espace() -> Result<PrivateEspace, PortalError> {
    use super::session::{require_viewer, store, unavailable};
    let viewer = require_viewer()?;
    let businesses = store()?
        .businesses_of(&viewer.person_id)
        .await
        .map_err(unavailable)?;
    Ok(PrivateEspace { viewer, businesses })
}

/// Creates a business eSpace with the caller as administrator; returns its id.
#[server(endpoint = "create_business_espace")]
pub async fn create_business_espace(form: BusinessEspaceForm) -> Result<BusinessId, PortalError> {
    use super::session::{require_viewer, store, unavailable};
    let viewer = require_viewer()?;
    let details = form.parse().map_err(PortalError::Invalid)?;
    store()?
        .create_business(&viewer.person_id, &details)
        .await
        .map_err(unavailable)
}

#[server(endpoint = "load_business_espace")]
pub async fn load_business_espace(id: BusinessId) -> Result<BusinessEspace, PortalError> {
    use super::session::{require_viewer, store, unavailable};
    let viewer = require_viewer()?;
    store()?
        .business_for_member(&viewer.person_id, &id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}

/// The Police's list of registered business eSpaces; refused to applicants.
#[server(endpoint = "registered_businesses")]
pub async fn registered_businesses() -> Result<Vec<RegisteredBusiness>, PortalError> {
    use super::session::{require_agent, store, unavailable};
    require_agent()?;
    store()?.registered_businesses().await.map_err(unavailable)
}

/// A one-time link to pass on to a future member; administrators only. Returns the token.
#[server(endpoint = "invite_member")]
pub async fn invite_member(business_id: BusinessId) -> Result<String, PortalError> {
    use super::session::{require_viewer, store, unavailable};
    let viewer = require_viewer()?;
    store()?
        .create_invitation(&viewer.person_id, &business_id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}

/// The company an invitation is for, to show before joining.
#[server(endpoint = "invitation_company")]
pub async fn invitation_company(token: String) -> Result<String, PortalError> {
    use super::session::{require_viewer, store, unavailable};
    require_viewer()?;
    store()?
        .invitation_company(&token)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}

/// Joins the business eSpace the invitation is for; returns its id.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(token: String) -> Result<BusinessId, PortalError> {
    use super::session::{require_viewer, store, unavailable};
    let viewer = require_viewer()?;
    store()?
        .accept_invitation(&viewer.person_id, &token)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}
