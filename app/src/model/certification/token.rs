//! The one-time certification code as a person types it from the Police's letter.
//!
//! Twenty characters from an alphabet without the characters people confuse on paper
//! (no 0, 1, I, L or O): 20 × log2(31) ≈ 99 bits. Printed in groups of four
//! (`K7QM-4XPA-9RHT-2WZC-8DNE`); typed in any case, with or without spaces and dashes.
//! Only the server draws codes and keeps their hash; this is the typed side, shared so the
//! browser can say "a character is missing" before anything is sent.

use std::fmt;

/// The characters a code is made of.
pub const TOKEN_ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// How many characters a code has.
pub const TOKEN_CHARS: usize = 20;
/// Characters per printed group.
pub const TOKEN_GROUP: usize = 4;

/// A code as typed, in its canonical form: twenty characters of the alphabet, upper case.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenInput(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("token-required")]
    Empty,
    /// Too few or too many characters.
    #[error("token-length")]
    Length,
    /// A character that codes never contain (0, 1, I, L, O, punctuation).
    #[error("token-character")]
    Character,
}

impl TokenError {
    pub fn code(self) -> &'static str {
        match self {
            TokenError::Empty => "token-required",
            TokenError::Length => "token-length",
            TokenError::Character => "token-character",
        }
    }
}

impl TokenInput {
    pub fn parse(input: &str) -> Result<TokenInput, TokenError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        if compact.is_empty() {
            return Err(TokenError::Empty);
        }
        if !compact.bytes().all(|b| TOKEN_ALPHABET.contains(&b)) {
            return Err(TokenError::Character);
        }
        if compact.len() != TOKEN_CHARS {
            return Err(TokenError::Length);
        }
        Ok(TokenInput(compact))
    }

    /// A code from `TOKEN_CHARS` indices into the alphabet (each taken modulo its length):
    /// the server draws the indices from a cryptographic source.
    pub fn from_indices(indices: [u8; TOKEN_CHARS]) -> TokenInput {
        TokenInput(
            indices
                .iter()
                .map(|i| char::from(TOKEN_ALPHABET[usize::from(*i) % TOKEN_ALPHABET.len()]))
                .collect(),
        )
    }

    /// The canonical characters, which the server hashes.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The printed form: groups of four joined by dashes.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(TOKEN_GROUP)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

/// Never printed by accident: logs and panics show no code.
impl fmt::Debug for TokenInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenInput(..)")
    }
}
