//! Procedure A's server functions for the Police's pages. The actions (decide, issue a letter,
//! mark it posted, redeem a code) are plain forms posting to the server's own routes, which
//! work with and without JavaScript alike; these only read.

use leptos::prelude::*;

use super::PortalError;
use crate::model::certification::{CaseLine, CertificationCase};

/// Certification requests to decide or follow; police agents only.
#[server(endpoint = "list_certification_cases")]
pub async fn list_certification_cases() -> Result<Vec<CaseLine>, PortalError> {
    use super::session::{certifications, require_agent, unavailable};
    require_agent()?;
    certifications()?
        .certification_cases()
        .await
        .map_err(unavailable)
}

/// One certification request with its letter and the eSpace's state; police agents only.
#[server(endpoint = "load_certification_case")]
pub async fn load_certification_case(request_id: String) -> Result<CertificationCase, PortalError> {
    use super::session::{certifications, require_agent, unavailable};
    require_agent()?;
    certifications()?
        .certification_case(&request_id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}
