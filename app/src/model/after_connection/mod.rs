//! What follows a connection (R2005 and the procedure "Obligations"): the connected site and
//! the changes reported to it (Art. 11), the fee after a false alert (Art. 13) and the dates of
//! the yearly maintenance and transmission test (Art. 8), which count from the day the line
//! was connected, not from the approval. Shared by the pages that show them
//! and the server that records them.

pub mod connection_day;
pub mod due_dates;
pub mod false_alert;
pub mod false_alert_fee;
pub mod fee_contest;
pub mod notice;
pub mod price_indices;
pub mod site;
pub mod site_change;
pub mod yearly_checks;

pub use connection_day::{check_connection_day, Connection, CONNECTION_DAY_FIELD};
pub use due_dates::{next_due, reminder_days, Reminder, REMINDER_LEAD_DAYS};
pub use false_alert::{
    check_false_alert, is_repeated, FalseAlert, NewFalseAlert, FALSE_ALERT_FIELDS,
    FALSE_ALERT_WINDOW_DAYS,
};
pub use false_alert_fee::{FeeComputation, FeeError, Intervention, PriceIndex};
pub use fee_contest::{
    AlertCause, FeeMove, FeeStatus, CAUSE_FIELD, CONTEST_REASON_FIELD, DECISION_NOTE_FIELD,
};
pub use notice::{Notice, NoticeKind};
pub use price_indices::{
    check_index_entry, index_on, IndexEntry, IndexInForce, PriceIndices, INDEX_FROM_FIELD,
    INDEX_VALUE_FIELD,
};
pub use site::{AgentSite, ConnectedSite, SiteLine};
pub use site_change::{ChangePart, ChangeStatus, SiteChange};
pub use yearly_checks::{check_done_on, due_checks, CheckRecord, DueCheck, YearlyCheck};
