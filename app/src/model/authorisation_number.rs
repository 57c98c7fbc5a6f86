//! The number of an establishment authorisation (autorisation d'établissement) issued by the
//! Ministry of the Economy: the installer must hold one for one of two trades (R2005 Art. 6).

use serde::{Deserialize, Serialize};

/// Digits as printed on the authorisation, optionally followed by `/` and the number of the
/// authorisation's version (`10012345/1`). Kept without spaces, so the Police can search it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AuthorisationNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AuthorisationNumberError {
    #[error("authorisation-required")]
    Empty,
    #[error("authorisation-format")]
    Format,
}

impl AuthorisationNumberError {
    pub fn code(self) -> &'static str {
        match self {
            AuthorisationNumberError::Empty => "authorisation-required",
            AuthorisationNumberError::Format => "authorisation-format",
        }
    }
}

impl AuthorisationNumber {
    /// 5 to 10 digits, then optionally `/` and 1 to 3 digits; spaces are ignored.
    pub fn parse(input: &str) -> Result<AuthorisationNumber, AuthorisationNumberError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(AuthorisationNumberError::Empty);
        }
        let (main, version) = match compact.split_once('/') {
            Some((main, version)) => (main, Some(version)),
            None => (compact.as_str(), None),
        };
        let digits = |s: &str, range: std::ops::RangeInclusive<usize>| {
            range.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if digits(main, 5..=10) && version.is_none_or(|v| digits(v, 1..=3)) {
            Ok(AuthorisationNumber(compact))
        } else {
            Err(AuthorisationNumberError::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AuthorisationNumber {
    type Error = AuthorisationNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        AuthorisationNumber::parse(&value)
    }
}

impl From<AuthorisationNumber> for String {
    fn from(value: AuthorisationNumber) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_printed_forms_and_keeps_them_without_spaces() {
        assert_eq!(
            AuthorisationNumber::parse(" 10012345 / 1 ")
                .unwrap()
                .as_str(),
            "10012345/1"
        );
        assert_eq!(
            AuthorisationNumber::parse("123456").unwrap().as_str(),
            "123456"
        );
    }

    #[test]
    fn refuses_letters_short_numbers_and_empty_versions() {
        assert_eq!(
            AuthorisationNumber::parse(""),
            Err(AuthorisationNumberError::Empty)
        );
        for bad in [
            "1234",
            "12345678901",
            "A1234567",
            "1234567/",
            "1234567/1234",
            "12-34567",
        ] {
            assert_eq!(
                AuthorisationNumber::parse(bad),
                Err(AuthorisationNumberError::Format),
                "{bad}"
            );
        }
    }
}
