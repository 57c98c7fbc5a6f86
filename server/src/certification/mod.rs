//! Procedure A on the server: the agent's decision, the one-time code and its letter, and the
//! code's redemption in the business eSpace.

pub mod letter;
mod store;
pub mod token;

pub use store::{is_certified, state_of};
pub use store::{IssuedLetter, LetterOutcome, PostedOutcome, Redemption, SqlCertificationStore};
