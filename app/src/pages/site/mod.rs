//! After connection: a connected site's page in the business eSpace, the change report's form
//! (R2005 Art. 11), and the agents' list and page of sites where they decide on reports. The
//! forms are plain posts to the server's routes (the same with and without JavaScript).

mod agent_sites;
mod change_page;
mod checks;
mod connection;
mod details;
mod false_alerts;
mod price_index;
mod site_page;
mod sites_list;

pub use agent_sites::{AgentSitePage, AgentSitesPage};
pub use change_page::ReportChangePage;
pub use site_page::SitePage;
pub use sites_list::ConnectedSites;

/// The query a site's page shows "your report was sent" for.
pub const SITE_SENT_QUERY: &str = "envoye";

pub use crate::paths::AGENT_SITES as AGENT_SITES_PATH;
pub use crate::paths::{
    agent_certificate_path, agent_site_path, certificate_path, change_decision_path,
    record_check_path, report_change_path, site_path,
};
