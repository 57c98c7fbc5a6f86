//! How long the portal keeps drafts and refused requests, as configured: the privacy notice
//! states these numbers, so it reads them from the server rather than repeating them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionTerms {
    /// A draft nobody changed for this many days is deleted…
    pub draft_days: u32,
    /// …after a notice in the inbox this many days before.
    pub draft_warning_days: u32,
    /// A refused request is deleted this many years after its decision.
    pub refused_years: u32,
}
