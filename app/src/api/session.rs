//! Who calls a server function. The server's session middleware puts the signed-in person in
//! the request's extensions; these helpers read them back and refuse what the person may not do.

use leptos::prelude::*;

use super::backend::{SharedCaseStore, SharedEspaceStore, SharedRequestStore, SharedSiteStore};
use super::PortalError;
use crate::model::{Role, Viewer};

/// The signed-in person, if any.
pub fn viewer() -> Option<Viewer> {
    use_context::<http::request::Parts>()?
        .extensions
        .get::<Viewer>()
        .cloned()
}

pub fn require_viewer() -> Result<Viewer, PortalError> {
    viewer().ok_or(PortalError::SignInRequired)
}

pub fn require_agent() -> Result<Viewer, PortalError> {
    let viewer = require_viewer()?;
    match viewer.role {
        Role::PoliceAgent => Ok(viewer),
        Role::Applicant => Err(PortalError::Forbidden),
    }
}

pub fn store() -> Result<SharedEspaceStore, PortalError> {
    use_context::<SharedEspaceStore>().ok_or_else(|| {
        tracing_unavailable("no EspaceStore in context");
        PortalError::Unavailable
    })
}

pub fn requests() -> Result<SharedRequestStore, PortalError> {
    use_context::<SharedRequestStore>().ok_or_else(|| {
        tracing_unavailable("no RequestStore in context");
        PortalError::Unavailable
    })
}

pub fn cases() -> Result<SharedCaseStore, PortalError> {
    use_context::<SharedCaseStore>().ok_or_else(|| {
        tracing_unavailable("no CaseStore in context");
        PortalError::Unavailable
    })
}

pub fn sites() -> Result<SharedSiteStore, PortalError> {
    use_context::<SharedSiteStore>().ok_or_else(|| {
        tracing_unavailable("no SiteStore in context");
        PortalError::Unavailable
    })
}

pub fn unavailable(error: impl std::fmt::Display) -> PortalError {
    tracing_unavailable(&error.to_string());
    PortalError::Unavailable
}

fn tracing_unavailable(what: &str) {
    leptos::logging::error!("server function failed: {what}");
}
