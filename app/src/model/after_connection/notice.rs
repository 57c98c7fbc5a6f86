//! Messages to an eSpace about its connected sites or its drafts rather than a request's case:
//! the decision on a change report, the reminders of the yearly maintenance and test, a false
//! alert's fee, a draft about to be deleted. They share the inbox with the requests' messages.

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
    /// A draft left untouched will be deleted on `due_on` unless it changes before.
    DraftExpiring,
    /// A draft left untouched since `due_on` was deleted.
    DraftDeleted,
    /// An agent recorded the day the site's line was connected (`due_on`): its yearly dates run.
    Connected,
    /// An agent confirmed a contested false alert's fee (`due_on`: the alert's day).
    FeeConfirmed,
    /// An agent cancelled a contested false alert's fee.
    FeeCancelled,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 12] = [
        NoticeKind::ChangeAccepted,
        NoticeKind::ChangeRefused,
        NoticeKind::MaintenanceSoon,
        NoticeKind::MaintenanceDue,
        NoticeKind::TestSoon,
        NoticeKind::TestDue,
        NoticeKind::FalseAlertFee,
        NoticeKind::DraftExpiring,
        NoticeKind::DraftDeleted,
        NoticeKind::Connected,
        NoticeKind::FeeConfirmed,
        NoticeKind::FeeCancelled,
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
            NoticeKind::DraftExpiring => "draft_expiring",
            NoticeKind::DraftDeleted => "draft_deleted",
            NoticeKind::Connected => "connected",
            NoticeKind::FeeConfirmed => "fee_confirmed",
            NoticeKind::FeeCancelled => "fee_cancelled",
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

    /// Whether it is about a draft (its link opens the draft) rather than a connected site.
    pub fn is_about_draft(self) -> bool {
        matches!(self, NoticeKind::DraftExpiring | NoticeKind::DraftDeleted)
    }
}

/// One notice of the inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: String,
    pub kind: NoticeKind,
    /// The site's (its approved request's) or the draft's id; `None` once it was deleted.
    pub request_id: Option<crate::model::RequestId>,
    /// The site's client number; `None` for a draft.
    pub client_number: Option<String>,
    /// What a person wrote (a refusal's reason).
    pub body: Option<String>,
    /// A reminder's due date, `YYYY-MM-DD`.
    pub due_on: Option<String>,
    /// A false alert's fee in euros ("95.50").
    pub amount: Option<String>,
    pub created_at: String,
    pub read_at: Option<String>,
}
