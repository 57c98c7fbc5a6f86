//! Procedure A, the certification of a business eSpace for an existing ALARMIS client
//! (DOMAIN.md, "Procedure A"): the wizard's steps and the token the Police sends by post.

pub mod client;
pub mod declaration;
pub mod postal_address;
pub mod token;

pub use client::ClientStep;
pub use declaration::{DeclarationStep, DECLARATIONS, DECLARATION_GROUP};
pub use postal_address::{PostalAddressStep, LETTER_LANGUAGES};
pub use token::{TokenError, TokenInput, TOKEN_ALPHABET, TOKEN_CHARS, TOKEN_GROUP};

use serde::{Deserialize, Serialize};

/// Where the eSpace's certification stands, for its members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificationState {
    /// No approved certification request yet.
    NotCertified,
    /// Approved: a letter with a code is (or will be) on its way to this address.
    AwaitingCode {
        /// When the letter was posted, once an agent said so.
        posted_at: Option<String>,
        /// Until when the code works.
        expires_at: Option<String>,
        /// Until when redemption is locked after too many wrong codes.
        locked_until: Option<String>,
    },
    Certified {
        certified_at: String,
        client_number: String,
    },
}

/// The letter with the code, as the Police's case page shows it. The code itself is never
/// kept: it exists only in the PDF sent to the agent's browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterState {
    pub issued_at: String,
    pub expires_at: String,
    /// fr, de or en.
    pub language: String,
    pub posted_at: Option<String>,
    pub used_at: Option<String>,
}

/// A certification request as the Police's case page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationCase {
    /// The latest letter, if one was issued since the approval.
    pub letter: Option<LetterState>,
    /// Earlier letters whose codes stopped working when a new one was issued.
    pub replaced_letters: u32,
    /// The eSpace's certification, once a code was redeemed.
    pub certified: Option<CertificationState>,
    /// Wrong codes typed in the eSpace since the approval.
    pub wrong_attempts: u32,
}

#[cfg(test)]
mod tests;
