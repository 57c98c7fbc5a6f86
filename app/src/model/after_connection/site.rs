//! A connected site: an approved connection request (procedure B) as the site's record, with
//! the accepted change reports applied to its answers.

use serde::{Deserialize, Serialize};

use super::{CheckRecord, DueCheck, FalseAlert, SiteChange};
use crate::model::{BusinessDetails, ProcedureRequest};

/// A connected site as its eSpace's members and the agents see it. Its id is the approved
/// request's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectedSite {
    /// The request as approved, its answers as they are now (accepted changes applied).
    pub request: ProcedureRequest,
    pub client_number: String,
    /// The approval's day (YYYY-MM-DD): the yearly obligations count from it.
    pub connected_on: String,
    /// Every change report, newest first.
    pub changes: Vec<SiteChange>,
    /// The maintenance and tests recorded, the latest first.
    pub checks: Vec<CheckRecord>,
    /// When the next maintenance and test are due, as of today.
    pub due: Vec<DueCheck>,
    /// Interventions after false alerts, the latest first, each with its fee.
    pub false_alerts: Vec<FalseAlert>,
    /// As many false alerts within a year as the configured threshold (R2005 Art. 14).
    pub repeated_false_alerts: bool,
}

impl ConnectedSite {
    pub fn id(&self) -> &str {
        &self.request.id
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
    pub id: String,
    pub business_id: String,
    pub company: String,
    pub client_number: String,
    /// "12 rue de la Gare, 4130 Esch-sur-Alzette"
    pub address: String,
    pub connected_on: String,
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
