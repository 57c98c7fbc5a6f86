//! A telephone number as people write it, checked for being dialable.

use serde::{Deserialize, Serialize};

/// A phone number that passed [`PhoneNumber::parse`], kept as typed (trimmed): people
/// recognise their own grouping of digits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneNumberError {
    #[error("phone-required")]
    Empty,
    #[error("phone-format")]
    Format,
}

impl PhoneNumberError {
    pub fn code(self) -> &'static str {
        match self {
            PhoneNumberError::Empty => "phone-required",
            PhoneNumberError::Format => "phone-format",
        }
    }
}

/// Separators people put between digit groups.
const SEPARATORS: [char; 6] = [' ', '.', '-', '/', '(', ')'];

impl PhoneNumber {
    /// An optional leading `+` (or `00`), then 6 to 15 digits (E.164's maximum), with any of the
    /// usual separators between them.
    pub fn parse(input: &str) -> Result<PhoneNumber, PhoneNumberError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneNumberError::Empty);
        }
        // The separators may wrap the `+` too: "(+352) 26 12 34".
        let compact: String = trimmed
            .chars()
            .filter(|c| !SEPARATORS.contains(c))
            .collect();
        let digits_only = compact.strip_prefix('+').unwrap_or(&compact);
        if !digits_only.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PhoneNumberError::Format);
        }
        let digits = digits_only.len();
        if (6..=15).contains(&digits) && trimmed.chars().count() <= 25 {
            Ok(PhoneNumber(trimmed.to_owned()))
        } else {
            Err(PhoneNumberError::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number in international form (E.164, `+352621123456`), as the CIN dials it from its
    /// switchboard: `00` becomes `+`, and a number without a country code is taken as a
    /// Luxembourg one (Luxembourg has no trunk prefix, so no leading 0 to drop).
    pub fn international(&self) -> String {
        let digits: String = self.0.chars().filter(char::is_ascii_digit).collect();
        if self.0.trim_start().starts_with(['+', '(']) && self.0.contains('+') {
            format!("+{digits}")
        } else if let Some(rest) = digits.strip_prefix("00") {
            format!("+{rest}")
        } else {
            format!("+352{digits}")
        }
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneNumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(value: PhoneNumber) -> Self {
        value.0
    }
}

pub fn validate_phone_number(value: &str) -> Result<(), validator::ValidationError> {
    PhoneNumber::parse(value)
        .map(drop)
        .map_err(|e| validator::ValidationError::new(e.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_internationally() {
        for (typed, international) in [
            ("+352 621 123 456", "+352621123456"),
            ("(+352) 26 12 34", "+352261234"),
            ("00352 621 123 456", "+352621123456"),
            ("621 123 456", "+352621123456"),
            ("+33 6 12 34 56 78", "+33612345678"),
        ] {
            assert_eq!(
                PhoneNumber::parse(typed).unwrap().international(),
                international,
                "{typed}"
            );
        }
    }

    #[test]
    fn luxembourg_and_international_numbers_are_accepted_as_typed() {
        for typed in [
            "+352 244 24 49 10",
            "621 123 456",
            "(+352) 26.12.34",
            "0049 30 1234567",
        ] {
            assert_eq!(PhoneNumber::parse(typed).unwrap().as_str(), typed.trim());
        }
    }

    #[test]
    fn empty_short_long_and_lettered_numbers_are_refused() {
        assert_eq!(PhoneNumber::parse(" "), Err(PhoneNumberError::Empty));
        for typed in [
            "12345",
            "1234567890123456",
            "call me",
            "+352 621 ABC",
            "<script>",
        ] {
            assert_eq!(
                PhoneNumber::parse(typed),
                Err(PhoneNumberError::Format),
                "{typed}"
            );
        }
    }
}
