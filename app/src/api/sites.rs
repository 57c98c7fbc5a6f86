//! Connected sites' server functions: they read; the change reports and the agents' decisions
//! are plain forms posting to the server's own routes.

use leptos::prelude::*;

use super::PortalError;
use crate::model::after_connection::{AgentSite, ConnectedSite, PriceIndices, SiteLine};
use crate::model::{BusinessId, SiteId};

/// The business eSpace's connected sites; members only.
#[server(endpoint = "business_sites")]
pub async fn business_sites(business_id: BusinessId) -> Result<Vec<SiteLine>, PortalError> {
    use super::session::{require_viewer, sites, unavailable};
    let viewer = require_viewer()?;
    sites()?
        .sites_of_business(&viewer.person_id, &business_id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}

/// One connected site of the eSpace; members only.
#[server(endpoint = "load_site")]
pub async fn load_site(
    business_id: BusinessId,
    site_id: SiteId,
) -> Result<ConnectedSite, PortalError> {
    use super::session::{require_viewer, sites, unavailable};
    let viewer = require_viewer()?;
    sites()?
        .site_for_member(&viewer.person_id, &business_id, &site_id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}

/// Every connected site; police agents only.
#[server(endpoint = "agent_sites")]
pub async fn agent_sites() -> Result<Vec<SiteLine>, PortalError> {
    use super::session::{require_agent, sites, unavailable};
    require_agent()?;
    sites()?.agent_sites().await.map_err(unavailable)
}

/// One connected site with its company and change reports; police agents only.
#[server(endpoint = "load_agent_site")]
pub async fn load_agent_site(site_id: SiteId) -> Result<AgentSite, PortalError> {
    use super::session::{require_agent, sites, unavailable};
    require_agent()?;
    sites()?
        .agent_site(&site_id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}

/// The weighted cost-of-living index's values with their days, and the configured one; police
/// agents only.
#[server(endpoint = "load_price_indices")]
pub async fn load_price_indices() -> Result<PriceIndices, PortalError> {
    use super::session::{require_agent, sites, unavailable};
    require_agent()?;
    sites()?.price_indices().await.map_err(unavailable)
}
