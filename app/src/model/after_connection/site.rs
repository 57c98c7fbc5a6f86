//! A connected site: an approved connection request (procedure B) as the site's record, with
//! the accepted change reports applied to its answers.

use serde::{Deserialize, Serialize};

use super::{CheckRecord, Connection, DueCheck, FalseAlert, SiteChange};
use crate::model::{BusinessDetails, ProcedureRequest};

/// A connected site as its eSpace's members and the agents see it. Its id is the approved
/// request's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectedSite {
    /// The request as approved, its answers as they are now (accepted changes applied).
    pub request: ProcedureRequest,
    pub client_number: String,
    /// Waiting for its line since the approval, or connected on a day an agent recorded: the
    /// yearly obligations count from that day.
    pub connection: Connection,
    /// Every change report, newest first.
    pub changes: Vec<SiteChange>,
    /// The maintenance and tests recorded, the latest first.
    pub checks: Vec<CheckRecord>,
    /// When the next maintenance and test are due, as of today; none before the connection.
    pub due: Vec<DueCheck>,
    /// Interventions after false alerts, the latest first, each with its fee.
    pub false_alerts: Vec<FalseAlert>,
    /// As many false alerts within a year as the configured threshold (R2005 Art. 14).
    pub repeated_false_alerts: bool,
}

impl ConnectedSite {
    pub fn id(&self) -> crate::model::SiteId {
        self.request.id.site()
    }

    pub fn pending_changes(&self) -> impl Iterator<Item = &SiteChange> {
        self.changes
            .iter()
            .filter(|c| c.status == super::ChangeStatus::Submitted)
    }
}

/// A line of a list of sites: the eSpace's, or the agents' (with the company).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteLine {
    pub id: crate::model::SiteId,
    pub business_id: crate::model::BusinessId,
    pub company: String,
    pub client_number: String,
    /// "12 rue de la Gare, 4130 Esch-sur-Alzette"
    pub address: String,
    pub connection: Connection,
    /// Change reports waiting for an agent.
    pub pending_changes: u32,
    /// A maintenance or test is late.
    pub overdue: bool,
    pub repeated_false_alerts: bool,
}

/// One site of the agents' view, with its company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentSite {
    pub site: ConnectedSite,
    pub company: BusinessDetails,
}
