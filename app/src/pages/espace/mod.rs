//! The signed-in part of the portal: the private eSpace, business eSpaces, the Police's page
//! and the page that explains a failed sign-in.

mod agent;
mod agent_case;
mod business;
mod certification_panel;
mod inbox;
mod invitation;
mod new_business;
mod private;
mod sign_in_failure;
mod status;

pub(crate) use status::{load_with_sent_back, Loaded, RefusalPanel};

pub use crate::paths::{agent_case_path, business_path, inbox_path, invitation_path};
pub use agent::AgentPage;
pub use agent_case::AgentCasePage;
pub use business::BusinessPage;
pub use inbox::InboxPage;
pub use invitation::InvitationPage;
pub use new_business::{NewBusinessPage, NEW_BUSINESS_PATH};
pub use private::PrivateEspacePage;
pub use sign_in_failure::SignInFailurePage;

/// The portal's own address, for links to pass on: the configured public URL on the server,
/// the page's origin in the browser (the same thing, seen from each side).
pub fn site_origin() -> String {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<crate::api::backend::PublicUrl>()
            .map(|url| url.0)
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::window()
            .location()
            .origin()
            .unwrap_or_default()
    }
}
