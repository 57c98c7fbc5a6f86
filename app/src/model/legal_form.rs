//! The legal forms a Luxembourg business registered with the RCS can take.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalForm {
    /// Société anonyme.
    Sa,
    /// Société à responsabilité limitée.
    Sarl,
    /// Société à responsabilité limitée simplifiée.
    SarlS,
    /// Société en commandite simple.
    Secs,
    /// Société en nom collectif.
    Senc,
    /// Société en commandite par actions.
    Sca,
    /// Société coopérative.
    Scoop,
    /// Société européenne.
    Se,
    /// Sole trader (commerçant personne physique).
    SoleTrader,
    /// Association sans but lucratif.
    Asbl,
    /// Fondation.
    Foundation,
}

impl LegalForm {
    pub const ALL: [LegalForm; 11] = [
        LegalForm::Sa,
        LegalForm::Sarl,
        LegalForm::SarlS,
        LegalForm::Secs,
        LegalForm::Senc,
        LegalForm::Sca,
        LegalForm::Scoop,
        LegalForm::Se,
        LegalForm::SoleTrader,
        LegalForm::Asbl,
        LegalForm::Foundation,
    ];

    /// The value the form posts and the database stores.
    pub fn code(self) -> &'static str {
        match self {
            LegalForm::Sa => "sa",
            LegalForm::Sarl => "sarl",
            LegalForm::SarlS => "sarl-s",
            LegalForm::Secs => "secs",
            LegalForm::Senc => "senc",
            LegalForm::Sca => "sca",
            LegalForm::Scoop => "scoop",
            LegalForm::Se => "se",
            LegalForm::SoleTrader => "sole-trader",
            LegalForm::Asbl => "asbl",
            LegalForm::Foundation => "foundation",
        }
    }

    pub fn from_code(code: &str) -> Option<LegalForm> {
        LegalForm::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The catalogue id of its name.
    pub fn message_id(self) -> String {
        format!("legal-form-{}", self.code())
    }
}

pub fn validate_legal_form(value: &str) -> Result<(), validator::ValidationError> {
    match LegalForm::from_code(value) {
        Some(_) => Ok(()),
        None => Err(validator::ValidationError::new("legal-form-required")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_form() {
        for form in LegalForm::ALL {
            assert_eq!(LegalForm::from_code(form.code()), Some(form));
        }
        assert_eq!(LegalForm::from_code(""), None);
        assert_eq!(LegalForm::from_code("SA"), None);
    }
}
