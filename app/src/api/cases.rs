//! The back office's server functions: they read (queue, case, inbox); the actions are plain
//! forms posting to the server's own routes, which work with and without JavaScript alike.

use leptos::prelude::*;

use super::PortalError;
use crate::model::case::{AgentCase, CaseQuery, InboxEntry, QueuePage};
use crate::model::{BusinessId, RequestId};

/// One page of the agents' queue; police agents only.
#[server(endpoint = "case_queue")]
pub async fn case_queue(query: CaseQuery) -> Result<QueuePage, PortalError> {
    use super::session::{cases, require_agent, unavailable};
    let agent = require_agent()?;
    cases()?
        .queue(&agent.person_id, &query)
        .await
        .map_err(unavailable)
}

/// A case with its history; police agents only. The view is recorded in the audit trail.
#[server(endpoint = "load_case")]
pub async fn load_case(request_id: RequestId) -> Result<AgentCase, PortalError> {
    use super::session::{cases, require_agent, unavailable};
    let agent = require_agent()?;
    cases()?
        .agent_case(&agent.person_id, &request_id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}

/// The business eSpace's inbox; members only. Reading it marks its messages read.
#[server(endpoint = "load_inbox")]
pub async fn load_inbox(business_id: BusinessId) -> Result<Vec<InboxEntry>, PortalError> {
    use super::session::{cases, require_viewer, unavailable};
    let viewer = require_viewer()?;
    cases()?
        .inbox(&viewer.person_id, &business_id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}
