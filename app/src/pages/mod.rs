//! One module per page; a page's own components live beside it.

pub mod connection;
mod espace;
mod home;
mod not_found;

pub use connection::{ConnectionStepPage, RequestPage};
pub use espace::{
    business_path, invitation_path, AgentPage, BusinessPage, InvitationPage, NewBusinessPage,
    PrivateEspacePage, SignInFailurePage, NEW_BUSINESS_PATH,
};
pub use home::HomePage;
pub use not_found::NotFound;
