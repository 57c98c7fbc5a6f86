//! The audit trail's actions: who did what to which case. Recorded by the server, never
//! changed; agents read it on the case page and export it as CSV.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditAction {
    SignedIn,
    Submitted,
    CaseViewed,
    DocumentViewed,
    DocumentDownloaded,
    CaseTaken,
    InformationRequested,
    ApplicantAnswered,
    DocumentAdded,
    Approved,
    Refused,
    TokenIssued,
    LetterPosted,
    CodeRedeemed,
    TrailExported,
    ChangeReported,
    ChangeAccepted,
    ChangeRefused,
    CheckRecorded,
    FalseAlertRecorded,
    DataExported,
    /// The day a site's line was connected, recorded by an agent.
    ConnectionRecorded,
    /// A false alert's fee contested by a member of the eSpace, confirmed or cancelled by an
    /// agent (the detail: the false alert's id).
    FeeContested,
    FeeConfirmed,
    FeeCancelled,
    /// A value of the weighted cost-of-living index and its day, entered by an agent.
    IndexEntered,
}

impl AuditAction {
    pub const ALL: [AuditAction; 26] = [
        AuditAction::SignedIn,
        AuditAction::Submitted,
        AuditAction::CaseViewed,
        AuditAction::DocumentViewed,
        AuditAction::DocumentDownloaded,
        AuditAction::CaseTaken,
        AuditAction::InformationRequested,
        AuditAction::ApplicantAnswered,
        AuditAction::DocumentAdded,
        AuditAction::Approved,
        AuditAction::Refused,
        AuditAction::TokenIssued,
        AuditAction::LetterPosted,
        AuditAction::CodeRedeemed,
        AuditAction::TrailExported,
        AuditAction::ChangeReported,
        AuditAction::ChangeAccepted,
        AuditAction::ChangeRefused,
        AuditAction::CheckRecorded,
        AuditAction::FalseAlertRecorded,
        AuditAction::DataExported,
        AuditAction::ConnectionRecorded,
        AuditAction::FeeContested,
        AuditAction::FeeConfirmed,
        AuditAction::FeeCancelled,
        AuditAction::IndexEntered,
    ];

    /// The database's and the CSV export's name for it.
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::SignedIn => "signed_in",
            AuditAction::Submitted => "submitted",
            AuditAction::CaseViewed => "case_viewed",
            AuditAction::DocumentViewed => "document_viewed",
            AuditAction::DocumentDownloaded => "document_downloaded",
            AuditAction::CaseTaken => "case_taken",
            AuditAction::InformationRequested => "information_requested",
            AuditAction::ApplicantAnswered => "applicant_answered",
            AuditAction::DocumentAdded => "document_added",
            AuditAction::Approved => "approved",
            AuditAction::Refused => "refused",
            AuditAction::TokenIssued => "token_issued",
            AuditAction::LetterPosted => "letter_posted",
            AuditAction::CodeRedeemed => "code_redeemed",
            AuditAction::TrailExported => "trail_exported",
            AuditAction::ChangeReported => "change_reported",
            AuditAction::ChangeAccepted => "change_accepted",
            AuditAction::ChangeRefused => "change_refused",
            AuditAction::CheckRecorded => "check_recorded",
            AuditAction::FalseAlertRecorded => "false_alert_recorded",
            AuditAction::DataExported => "data_exported",
            AuditAction::ConnectionRecorded => "connection_recorded",
            AuditAction::FeeContested => "fee_contested",
            AuditAction::FeeConfirmed => "fee_confirmed",
            AuditAction::FeeCancelled => "fee_cancelled",
            AuditAction::IndexEntered => "index_entered",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }

    pub fn message_id(self) -> String {
        format!("audit-{}", self.code().replace('_', "-"))
    }
}

/// One row of a case's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub occurred_at: String,
    /// The person, by name; `None` if the row names nobody.
    pub actor: Option<String>,
    pub actor_is_agent: bool,
    pub action: AuditAction,
    pub detail: Option<String>,
}
