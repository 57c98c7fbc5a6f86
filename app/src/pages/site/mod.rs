//! After connection: a connected site's page in the business eSpace, the change report's form
//! (R2005 Art. 11), and the agents' list and page of sites where they decide on reports. The
//! forms are plain posts to the server's routes (the same with and without JavaScript).

mod agent_sites;
mod change_page;
mod checks;
mod details;
mod false_alerts;
mod site_page;
mod sites_list;

pub use agent_sites::{AgentSitePage, AgentSitesPage};
pub use change_page::ReportChangePage;
pub use site_page::SitePage;
pub use sites_list::ConnectedSites;

use crate::model::after_connection::ChangePart;
use crate::pages::business_path;

/// The query a site's page shows "your report was sent" for.
pub const SITE_SENT_QUERY: &str = "envoye";

pub fn site_path(business_id: &str, site_id: &str) -> String {
    format!("{}/sites/{site_id}", business_path(business_id))
}

/// The change report's form, and where it posts.
pub fn report_change_path(business_id: &str, site_id: &str, part: ChangePart) -> String {
    format!(
        "{}/changement/{}",
        site_path(business_id, site_id),
        part.slug()
    )
}

/// Where the record of a maintenance or test posts.
pub fn record_check_path(business_id: &str, site_id: &str) -> String {
    format!("{}/controles", site_path(business_id, site_id))
}

/// A recorded check's certificate, for the eSpace's members.
pub fn certificate_path(business_id: &str, site_id: &str, check_id: &str) -> String {
    format!("{}/{check_id}", record_check_path(business_id, site_id))
}

pub const AGENT_SITES_PATH: &str = "/agent/sites";

pub fn agent_site_path(site_id: &str) -> String {
    format!("{AGENT_SITES_PATH}/{site_id}")
}

/// A recorded check's certificate, for an agent.
pub fn agent_certificate_path(site_id: &str, check_id: &str) -> String {
    format!("{}/controles/{check_id}", agent_site_path(site_id))
}

/// Where an agent's decision on a change report posts.
pub fn change_decision_path(site_id: &str, change_id: &str) -> String {
    format!("{}/changements/{change_id}", agent_site_path(site_id))
}
