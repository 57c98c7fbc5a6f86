//! Every query the portal makes, one module per aggregate. Nothing outside this tree holds SQL:
//! routes, pages' server functions and the background jobs call these functions and get domain
//! types back (`app::model`), never rows.
//!
//! | module | owns |
//! |---|---|
//! | `pool` | the connection pool, the migrations, the audit trail's write-once triggers |
//! | `persons`, `sessions` | who signed in, and their sessions |
//! | `espaces` | business eSpaces, their members and invitations: the one membership check |
//! | `requests` | requests of both procedures, with their answers, documents and messages |
//! | `inbox` | what the eSpace's inbox shows, which of it is unread, and the jobs' notices |
//! | `retention` | what the retention rules read and delete |
//! | `certification`, `certification_state` | procedure A's codes, letters and tries |
//! | `cases` | the back office: the queue and the agents' actions on a case |
//! | `sites` | connected sites, their change reports, yearly checks and false alerts |
//! | `audit` | the audit trail (insert only) |
//! | `rate_limits`, `job_leases`, `test_clock`, `dev_idp_codes` | the limits' counters, the background jobs' lease, the tests' day, the development provider's codes |
//!
//! Every function returns `StoreError` on failure: the database's own error kept as its source
//! (for the log), or a stored value today's rules refuse.

pub mod audit;
pub mod cases;
pub mod certification;
pub mod certification_state;
pub mod dev_idp_codes;
pub mod espaces;
pub mod inbox;
pub mod job_leases;
pub mod persons;
pub mod pool;
pub mod price_indices;
pub mod rate_limits;
pub mod requests;
pub mod retention;
pub mod sessions;
pub mod sites;
pub mod test_clock;

use app::api::backend::StoreError;

/// The database (or the document store) failed: the cause goes with it to the log.
pub(crate) fn failed(error: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Failed(Box::new(error))
}

/// A stored value that no longer passes today's rules is a bug or a hand edit, not user input.
pub(crate) fn corrupt(what: &'static str, value: &str) -> StoreError {
    StoreError::Corrupt {
        what,
        value: value.to_owned(),
    }
}
