//! Who is looking at a page: the signed-in person, how they proved it, and their role.

use serde::{Deserialize, Serialize};

/// The means of authentication the identity provider reports in the ID token's `acr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthMeans {
    LuxTrust,
    EidCard,
    /// The provider did not say, or said something this portal does not know.
    Unknown,
}

impl AuthMeans {
    /// Reads an `acr` value. Real and test providers spell these differently
    /// (`luxtrust`, `urn:…:luxtrust:token`, `eid`, `urn:…:eid-card`), so the known word decides.
    pub fn from_acr(acr: Option<&str>) -> AuthMeans {
        let Some(acr) = acr.map(str::to_ascii_lowercase) else {
            return AuthMeans::Unknown;
        };
        if acr.contains("luxtrust") {
            AuthMeans::LuxTrust
        } else if acr
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "eid")
        {
            AuthMeans::EidCard
        } else {
            AuthMeans::Unknown
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            AuthMeans::LuxTrust => "means-luxtrust",
            AuthMeans::EidCard => "means-eid",
            AuthMeans::Unknown => "means-unknown",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Applicant,
    PoliceAgent,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub person_id: super::PersonId,
    pub given_name: String,
    pub family_name: String,
    pub means: AuthMeans,
    pub role: Role,
}

impl Viewer {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
            .trim()
            .to_owned()
    }
}

/// The private eSpace: the person and the business eSpaces they belong to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateEspace {
    pub viewer: Viewer,
    pub businesses: Vec<super::BusinessSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acr_values_are_read_by_their_known_word() {
        assert_eq!(AuthMeans::from_acr(Some("luxtrust")), AuthMeans::LuxTrust);
        assert_eq!(
            AuthMeans::from_acr(Some("urn:lu:LuxTrust:token")),
            AuthMeans::LuxTrust
        );
        assert_eq!(AuthMeans::from_acr(Some("eid")), AuthMeans::EidCard);
        assert_eq!(
            AuthMeans::from_acr(Some("urn:lu:eid:card")),
            AuthMeans::EidCard
        );
        assert_eq!(AuthMeans::from_acr(Some("weird")), AuthMeans::Unknown);
        assert_eq!(AuthMeans::from_acr(None), AuthMeans::Unknown);
    }
}
