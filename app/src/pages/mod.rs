//! One module per page; a page's own components live beside it.

mod espace;
mod home;
pub mod legal;
mod not_found;
pub mod request;
pub mod site;
mod too_many_attempts;

pub use espace::{
    agent_case_path, business_path, inbox_path, invitation_path, AgentCasePage, AgentPage,
    BusinessPage, InboxPage, InvitationPage, NewBusinessPage, PrivateEspacePage, SignInFailurePage,
    NEW_BUSINESS_PATH,
};
pub use home::HomePage;
pub use legal::{AccessibilityPage, PrivacyPage};
pub use not_found::NotFound;
pub use request::{RequestPage, WizardStepPage};
pub use site::{
    agent_site_path, report_change_path, site_path, AgentSitePage, AgentSitesPage, ConnectedSites,
    ReportChangePage, SitePage, AGENT_SITES_PATH, SITE_SENT_QUERY,
};
pub use too_many_attempts::TooManyAttemptsPage;
