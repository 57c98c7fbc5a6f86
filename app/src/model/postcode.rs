//! A Luxembourg postcode, always held in its written form `L-NNNN`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A postcode that passed [`Postcode::parse`]; no other value can exist.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Postcode(String);

/// Why a typed postcode was refused; the string is the message code in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeError {
    #[error("postcode-required")]
    Empty,
    #[error("postcode-format")]
    Format,
}

impl PostcodeError {
    pub fn code(self) -> &'static str {
        match self {
            PostcodeError::Empty => "postcode-required",
            PostcodeError::Format => "postcode-format",
        }
    }
}

impl Postcode {
    /// Accepts what people actually type (`L-1234`, `l 1234`, `L1234`, `1234`) and keeps the
    /// canonical `L-1234`. Luxembourg postcodes have four digits and none starts with 0.
    pub fn parse(input: &str) -> Result<Postcode, PostcodeError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(PostcodeError::Empty);
        }
        let digits = compact
            .strip_prefix("L-")
            .or_else(|| compact.strip_prefix("l-"))
            .or_else(|| compact.strip_prefix('L'))
            .or_else(|| compact.strip_prefix('l'))
            .unwrap_or(&compact);
        let well_formed = digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if well_formed {
            Ok(Postcode(format!("L-{digits}")))
        } else {
            Err(PostcodeError::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Postcode {
    type Error = PostcodeError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Postcode::parse(&value)
    }
}

impl From<Postcode> for String {
    fn from(value: Postcode) -> Self {
        value.0
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The `validator` hook, so that derives use the very same rule as [`Postcode::parse`].
pub fn validate_postcode(value: &str) -> Result<(), validator::ValidationError> {
    Postcode::parse(value)
        .map(drop)
        .map_err(|e| validator::ValidationError::new(e.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_usual_spellings_and_keeps_the_canonical_one() {
        for typed in ["L-1234", "l-1234", "L1234", "1234", " L - 1234 ", "l 9999"] {
            let postcode = Postcode::parse(typed).unwrap_or_else(|e| panic!("{typed:?}: {e}"));
            assert!(
                postcode.as_str().starts_with("L-"),
                "{typed:?} gave {postcode}"
            );
        }
        assert_eq!(
            Postcode::parse("l1234").map(String::from),
            Ok("L-1234".to_owned())
        );
    }

    #[test]
    fn refuses_what_is_not_a_luxembourg_postcode() {
        assert_eq!(Postcode::parse(""), Err(PostcodeError::Empty));
        assert_eq!(Postcode::parse("   "), Err(PostcodeError::Empty));
        for typed in [
            "123", "12345", "L-12a4", "D-1234", "L-0123", "F-57000", "L--1234", "١٢٣٤",
        ] {
            assert_eq!(
                Postcode::parse(typed),
                Err(PostcodeError::Format),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn deserialising_runs_the_same_rule() {
        let ok: Postcode = serde_json::from_str("\"2540\"").expect("valid postcode");
        assert_eq!(ok.as_str(), "L-2540");
        assert!(serde_json::from_str::<Postcode>("\"25400\"").is_err());
    }
}
