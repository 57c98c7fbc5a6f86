//! An ALARMIS client number: the number the Police gives a business whose alarm is connected to
//! the CIN. The numbers this portal issues are `AL-` and six digits (`AL-700001`); nothing in the
//! sources fixes the form of the numbers given before it, so an existing client's number is
//! taken as written on the Police's letters: 4 to 20 letters, digits and dashes (issue 24: the
//! `AL-` form alone locked out every client whose number looks otherwise).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A client number that passed [`ClientNumber::parse`]; no other value can exist.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClientNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClientNumberError {
    #[error("client-number-required")]
    Empty,
    #[error("client-number-format")]
    Format,
}

impl ClientNumberError {
    pub fn code(self) -> &'static str {
        match self {
            ClientNumberError::Empty => "client-number-required",
            ClientNumberError::Format => "client-number-format",
        }
    }
}

impl ClientNumber {
    pub const PREFIX: &'static str = "AL-";

    /// Spaces are dropped and letters upper-cased, so a number compares equal however it was
    /// typed. The portal's own form is written one way: `AL-004217`, `al 004217`, `AL004217` and
    /// the six digits alone all become `AL-004217`. Any other number of 4 to 20 letters, digits
    /// and single dashes (not first or last) is kept as written.
    pub fn parse(input: &str) -> Result<ClientNumber, ClientNumberError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if compact.is_empty() {
            return Err(ClientNumberError::Empty);
        }
        let digits = compact
            .strip_prefix("AL-")
            .or_else(|| compact.strip_prefix("AL"))
            .unwrap_or(&compact);
        if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(ClientNumber(format!("{}{digits}", ClientNumber::PREFIX)));
        }
        let well_formed = (4..=20).contains(&compact.len())
            && compact
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
            && !compact.starts_with('-')
            && !compact.ends_with('-')
            && !compact.contains("--");
        if well_formed {
            Ok(ClientNumber(compact))
        } else {
            Err(ClientNumberError::Format)
        }
    }

    /// The number a database sequence gave: `AL-000001` for 1.
    pub fn from_sequence(value: u32) -> Option<ClientNumber> {
        (1..=999_999)
            .contains(&value)
            .then(|| ClientNumber(format!("{}{value:06}", ClientNumber::PREFIX)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ClientNumber {
    type Error = ClientNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ClientNumber::parse(&value)
    }
}

impl From<ClientNumber> for String {
    fn from(value: ClientNumber) -> String {
        value.0
    }
}

impl fmt::Display for ClientNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_forms_become_the_written_one() {
        for typed in ["AL-004217", "al 004217", "AL004217", "004217", " 004 217 "] {
            assert_eq!(ClientNumber::parse(typed).unwrap().as_str(), "AL-004217");
        }
    }

    #[test]
    fn numbers_of_other_forms_are_kept_as_written() {
        for (typed, kept) in [
            ("4217", "4217"),
            ("ab-004217", "AB-004217"),
            ("AL-0042171", "AL-0042171"),
            ("lux 12-345 b", "LUX12-345B"),
        ] {
            assert_eq!(
                ClientNumber::parse(typed).unwrap().as_str(),
                kept,
                "{typed}"
            );
        }
    }

    #[test]
    fn other_shapes_are_refused_with_their_code() {
        assert_eq!(ClientNumber::parse("  "), Err(ClientNumberError::Empty));
        for typed in [
            "AL_004217",
            "A1",
            "AL-00421x!",
            "-AL004217",
            "AL004217-",
            "AL--004217",
            "ABCDEFGHIJKLMNOPQRSTU",
            "NUMÉRO1",
        ] {
            assert_eq!(
                ClientNumber::parse(typed),
                Err(ClientNumberError::Format),
                "{typed}"
            );
        }
    }

    #[test]
    fn sequence_values_are_zero_padded_and_bounded() {
        assert_eq!(
            ClientNumber::from_sequence(1).unwrap().as_str(),
            "AL-000001"
        );
        assert_eq!(ClientNumber::from_sequence(0), None);
        assert_eq!(ClientNumber::from_sequence(1_000_000), None);
    }
}
