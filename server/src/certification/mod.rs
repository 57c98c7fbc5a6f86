//! Procedure A's one-time code and the letter that carries it; the code's storage, issue and
//! redemption are the certification store's (`store::certification`).

pub mod letter;
pub mod token;
