//! What follows a connection (R2005 and the procedure "Obligations"): the fee after a false
//! alert (Art. 13) and the dates of the yearly maintenance and transmission test (Art. 8).
//! Rules only, shared by the pages that show them and the server that records them.

pub mod due_dates;
pub mod false_alert_fee;

pub use due_dates::{next_due, reminder_days, Reminder, REMINDER_LEAD_DAYS};
pub use false_alert_fee::{FeeComputation, FeeError, Intervention, PriceIndex};
