//! A number in Luxembourg's trade and companies register (RCS), held as `B123456`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A register number that passed [`RcsNumber::parse`]: one section letter (B for commercial
/// companies, A for traders, F for non-profit associations…) and up to six digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RcsNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RcsNumberError {
    #[error("rcs-required")]
    Empty,
    #[error("rcs-format")]
    Format,
}

impl RcsNumberError {
    pub fn code(self) -> &'static str {
        match self {
            RcsNumberError::Empty => "rcs-required",
            RcsNumberError::Format => "rcs-format",
        }
    }
}

impl RcsNumber {
    /// Accepts `B123456`, `b 123 456` and `B-123456`; keeps the canonical `B123456`.
    pub fn parse(input: &str) -> Result<RcsNumber, RcsNumberError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
            .collect::<String>()
            .to_ascii_uppercase();
        if compact.is_empty() {
            return Err(RcsNumberError::Empty);
        }
        let mut chars = compact.chars();
        let section = chars.next().filter(char::is_ascii_uppercase);
        let digits = chars.as_str();
        let well_formed = section.is_some()
            && (1..=6).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if well_formed {
            Ok(RcsNumber(compact))
        } else {
            Err(RcsNumberError::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RcsNumber {
    type Error = RcsNumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        RcsNumber::parse(&value)
    }
}

impl From<RcsNumber> for String {
    fn from(value: RcsNumber) -> Self {
        value.0
    }
}

impl fmt::Display for RcsNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The `validator` form of [`RcsNumber::parse`], for `#[validate(custom(...))]`.
pub fn validate_rcs_number(value: &str) -> Result<(), validator::ValidationError> {
    RcsNumber::parse(value)
        .map(drop)
        .map_err(|e| validator::ValidationError::new(e.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_spellings_become_the_canonical_form() {
        for typed in ["B123456", "b123456", "B 123 456", "B-123456", " b12 "] {
            let parsed = RcsNumber::parse(typed).expect(typed);
            assert!(parsed.as_str().starts_with('B'), "{typed}");
        }
        assert_eq!(RcsNumber::parse("b 12").unwrap().as_str(), "B12");
    }

    #[test]
    fn empty_and_malformed_numbers_are_refused() {
        assert_eq!(RcsNumber::parse("  "), Err(RcsNumberError::Empty));
        for typed in [
            "123456", "B", "B1234567", "B012345", "BB123", "B12a", "<b>1",
        ] {
            assert_eq!(
                RcsNumber::parse(typed),
                Err(RcsNumberError::Format),
                "{typed}"
            );
        }
    }

    #[test]
    fn deserialising_applies_the_same_rule() {
        assert!(serde_json::from_str::<RcsNumber>("\"B1\"").is_ok());
        assert!(serde_json::from_str::<RcsNumber>("\"1\"").is_err());
    }
}
