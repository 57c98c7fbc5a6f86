//! Server functions: thin, each checks who calls it and then calls into server-only code.

#[cfg(feature = "ssr")]
pub mod backend;
mod cases;
mod eligibility;
mod error;
mod espaces;
pub mod requests;
#[cfg(feature = "ssr")]
pub mod session;
mod sites;

pub use cases::{case_queue, load_case, load_inbox};
pub use eligibility::check_eligibility;
pub use error::PortalError;
#[cfg(feature = "ssr")]
pub use espaces::session_idle_seconds;
pub use espaces::{
    accept_invitation, create_business_espace, current_viewer, invitation_company, invite_member,
    keep_session, load_business_espace, load_private_espace, registered_businesses,
    retention_terms,
};
pub use requests::{
    business_requests, delete_request_draft, load_request, save_request_step, start_request,
    submit_request,
};
pub use sites::{agent_sites, business_sites, load_agent_site, load_price_indices, load_site};
