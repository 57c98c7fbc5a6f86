//! Messages to an eSpace about its connected sites rather than a request: the decision on a
//! change report, the reminders of the yearly maintenance and test. They share the inbox with
//! the requests' messages.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoticeKind {
    ChangeAccepted,
    ChangeRefused,
    /// Thirty days before the maintenance is due, and on the day.
    MaintenanceSoon,
    MaintenanceDue,
    TestSoon,
    TestDue,
    /// An agent recorded an intervention after a false alert, with its fee.
    FalseAlertFee,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 7] = [
        NoticeKind::ChangeAccepted,
        NoticeKind::ChangeRefused,
        NoticeKind::MaintenanceSoon,
        NoticeKind::MaintenanceDue,
        NoticeKind::TestSoon,
        NoticeKind::TestDue,
        NoticeKind::FalseAlertFee,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::ChangeAccepted => "change_accepted",
            NoticeKind::ChangeRefused => "change_refused",
            NoticeKind::MaintenanceSoon => "maintenance_soon",
            NoticeKind::MaintenanceDue => "maintenance_due",
            NoticeKind::TestSoon => "test_soon",
            NoticeKind::TestDue => "test_due",
            NoticeKind::FalseAlertFee => "false_alert_fee",
        }
    }

    pub fn from_code(code: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The message id of its subject line (a reminder's takes the due date as `$date`, a fee's
    /// its amount as `$amount`).
    pub fn subject_id(self) -> String {
        format!("notice-{}", self.code().replace('_', "-"))
    }
}

/// One notice of the inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: String,
    pub kind: NoticeKind,
    pub site_id: String,
    pub client_number: String,
    /// What a person wrote (a refusal's reason).
    pub body: Option<String>,
    /// A reminder's due date, `YYYY-MM-DD`.
    pub due_on: Option<String>,
    /// A false alert's fee in euros ("95.50").
    pub amount: Option<String>,
    pub created_at: String,
    pub read_at: Option<String>,
}
