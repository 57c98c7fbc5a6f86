//! Drawing a certification code and the only form of it that is stored.

use app::model::certification::{TokenInput, TOKEN_ALPHABET, TOKEN_CHARS};
use rand::Rng;

/// A fresh code: each character drawn uniformly from the alphabet by the operating system's
/// cryptographic generator (about 99 bits in all).
pub fn generate() -> TokenInput {
    let mut rng = rand::rngs::OsRng;
    let mut indices = [0u8; TOKEN_CHARS];
    for index in &mut indices {
        // The alphabet has 31 characters, so the index always fits a u8.
        *index = rng.gen_range(0..TOKEN_ALPHABET.len()) as u8;
    }
    TokenInput::from_indices(indices)
}

/// What the database keeps: the SHA-256 of the canonical characters. A code has ~99 bits, so
/// a fast hash is enough: no dictionary to try, and the attempt limit stops guessing online.
pub fn hash(token: &TokenInput) -> String {
    crate::store::requests::sha256_hex(token.as_str().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_well_formed_different_and_use_the_whole_alphabet() {
        let codes: Vec<TokenInput> = (0..2_000).map(|_| generate()).collect();
        for code in &codes {
            assert_eq!(TokenInput::parse(&code.grouped()).as_ref(), Ok(code));
        }
        let distinct: std::collections::HashSet<&str> = codes.iter().map(|c| c.as_str()).collect();
        assert_eq!(distinct.len(), codes.len());
        let used: std::collections::HashSet<u8> = codes
            .iter()
            .flat_map(|c| c.as_str().bytes().collect::<Vec<_>>())
            .collect();
        assert_eq!(used.len(), TOKEN_ALPHABET.len());
    }

    #[test]
    fn the_hash_is_of_the_canonical_form_whatever_was_typed() {
        let printed = generate();
        let typed = TokenInput::parse(&printed.grouped().to_lowercase().replace('-', " ")).unwrap();
        assert_eq!(hash(&typed), hash(&printed));
        assert_eq!(hash(&printed).len(), 64);
        assert!(!hash(&printed).contains(printed.as_str()));
    }
}
