//! What an agent records of a false alert's cause, and the life of its fee (R2005 Art. 12-13;
//! issue 24, point 12): the owner's fee is charged; the beneficiary may contest it with a
//! reason; an agent then confirms it (with the Police's reasons) or cancels it. The moves are
//! in [`FeeStatus::after`] alone; the store applies one only from the status it starts from.

use serde::{Deserialize, Serialize};

/// The record form's field for the cause.
pub const CAUSE_FIELD: &str = "cause";
/// The beneficiary's reason for contesting a fee.
pub const CONTEST_REASON_FIELD: &str = "contest_reason";
/// The agent's reasons when confirming a contested fee (or a note when cancelling it).
pub const DECISION_NOTE_FIELD: &str = "decision_note";

/// Why the alert went off, as far as the Police could tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AlertCause {
    /// Someone on site set it off by mistake (a code, a door, a button).
    UserError,
    /// The installation failed (a detector, the transmission, the power).
    TechnicalFault,
    /// The surroundings: weather, animals, vibrations.
    Environmental,
    Unknown,
}

impl AlertCause {
    pub const ALL: [AlertCause; 4] = [
        AlertCause::UserError,
        AlertCause::TechnicalFault,
        AlertCause::Environmental,
        AlertCause::Unknown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AlertCause::UserError => "user_error",
            AlertCause::TechnicalFault => "technical_fault",
            AlertCause::Environmental => "environmental",
            AlertCause::Unknown => "unknown",
        }
    }

    pub fn from_code(code: &str) -> Option<AlertCause> {
        AlertCause::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn message_id(self) -> String {
        format!("alert-cause-{}", self.code().replace('_', "-"))
    }
}

/// Where a false alert's fee stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FeeStatus {
    /// Due from the owner, as recorded.
    Charged,
    /// The beneficiary contested it; an agent decides.
    Contested,
    /// An agent confirmed it after the contest.
    Confirmed,
    /// An agent cancelled it after the contest: nothing is due.
    Cancelled,
}

/// What moves a fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeeMove {
    Contest,
    Confirm,
    Cancel,
}

impl FeeStatus {
    pub const ALL: [FeeStatus; 4] = [
        FeeStatus::Charged,
        FeeStatus::Contested,
        FeeStatus::Confirmed,
        FeeStatus::Cancelled,
    ];

    /// The status `action` leads to from this one; `None` when it does not apply (a fee is
    /// contested once, and only a contested fee is decided).
    pub fn after(self, action: FeeMove) -> Option<FeeStatus> {
        match (self, action) {
            (FeeStatus::Charged, FeeMove::Contest) => Some(FeeStatus::Contested),
            (FeeStatus::Contested, FeeMove::Confirm) => Some(FeeStatus::Confirmed),
            (FeeStatus::Contested, FeeMove::Cancel) => Some(FeeStatus::Cancelled),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            FeeStatus::Charged => "charged",
            FeeStatus::Contested => "contested",
            FeeStatus::Confirmed => "confirmed",
            FeeStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<FeeStatus> {
        FeeStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn message_id(self) -> String {
        format!("fee-status-{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fee_is_contested_once_then_confirmed_or_cancelled_once() {
        use FeeMove::*;
        use FeeStatus::*;
        for status in FeeStatus::ALL {
            for action in [Contest, Confirm, Cancel] {
                let expected = match (status, action) {
                    (Charged, Contest) => Some(Contested),
                    (Contested, Confirm) => Some(Confirmed),
                    (Contested, Cancel) => Some(Cancelled),
                    _ => None,
                };
                assert_eq!(status.after(action), expected, "{status:?} {action:?}");
            }
            assert_eq!(FeeStatus::from_code(status.code()), Some(status));
        }
        for cause in AlertCause::ALL {
            assert_eq!(AlertCause::from_code(cause.code()), Some(cause));
        }
        assert_eq!(AlertCause::from_code("fire"), None);
    }
}
