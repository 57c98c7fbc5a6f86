//! Server functions: thin, each checks who calls it and then calls into server-only code.

mod eligibility;
mod error;

pub use eligibility::check_eligibility;
pub use error::PortalError;
