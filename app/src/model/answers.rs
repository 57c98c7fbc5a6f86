//! A request's saved answers read as types. The answers travel and are stored as the form posts
//! them (field name to text, `step_form`); whatever reads them after the wizard (the site lists,
//! the Police's letter, the case page, the requests' labels) goes through these accessors,
//! which read the step's own struct and parse each value with its own type (`Postcode`,
//! `ClientNumber`, `Locale`). A field's name and a value's spelling are thus written once, in
//! the step's struct and the value's type: a reader can no longer add an "L-" of its own
//! (issue 23: the site lists once showed "L-L-1660").

use std::fmt;

use crate::i18n::Locale;
use crate::model::business::Address;
use crate::model::certification::client::ClientStep;
use crate::model::certification::postal_address::PostalAddressStep;
use crate::model::client_number::ClientNumber;
use crate::model::connection::site::SiteStep;
use crate::model::postcode::Postcode;
use crate::model::request::{ProcedureRequest, WizardStep};
use crate::model::step_form::{from_values, StepForm, StepValues};

/// A Luxembourg street address (the business seat's type), read from a step's answers.
impl Address {
    fn parse(house_number: &str, street: &str, postcode: &str, locality: &str) -> Option<Address> {
        let filled = |text: &str| {
            Some(text.trim())
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        Some(Address {
            house_number: filled(house_number)?,
            street: filled(street)?,
            postcode: Postcode::parse(postcode).ok()?,
            locality: filled(locality)?,
        })
    }

    /// "12A Grand-Rue": a letter's first address line.
    pub fn street_line(&self) -> String {
        format!("{} {}", self.house_number, self.street)
    }

    /// "L-1660 Luxembourg": a letter's second address line.
    pub fn locality_line(&self) -> String {
        format!("{} {}", self.postcode, self.locality)
    }
}

/// "12A Grand-Rue, L-1660 Luxembourg".
impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}", self.street_line(), self.locality_line())
    }
}

/// Where the Police's certification letter goes, and in which language it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterAddress {
    /// "For the attention of": a person or a department, when one was given.
    pub recipient: Option<String>,
    pub address: Address,
    pub language: Locale,
}

impl SiteStep {
    /// The protected site's address; `None` while the step's answers do not pass its rules.
    pub fn address(&self) -> Option<Address> {
        Address::parse(
            &self.site_house_number,
            &self.site_street,
            &self.site_postcode,
            &self.site_locality,
        )
    }
}

impl PostalAddressStep {
    pub fn letter_address(&self) -> Option<LetterAddress> {
        Some(LetterAddress {
            recipient: Some(self.letter_recipient.trim())
                .filter(|r| !r.is_empty())
                .map(str::to_owned),
            address: Address::parse(
                &self.letter_house_number,
                &self.letter_street,
                &self.letter_postcode,
                &self.letter_locality,
            )?,
            language: Locale::from_tag(&self.letter_language)?,
        })
    }
}

impl ClientStep {
    pub fn number(&self) -> Option<ClientNumber> {
        ClientNumber::parse(&self.client_number).ok()
    }
}

/// A step's saved answers as its struct, when the step was saved.
pub fn step_answers<T: StepForm>(values: Option<&StepValues>) -> Option<T> {
    values.map(from_values)
}

impl ProcedureRequest {
    fn step_form<T: StepForm>(&self, step: WizardStep) -> Option<T> {
        step_answers(self.answers_of(step))
    }

    /// The protected site's address (procedure B, step 2).
    pub fn site_address(&self) -> Option<Address> {
        self.step_form::<SiteStep>(WizardStep::Site)?.address()
    }

    /// The existing client's number (procedure A, step 1).
    pub fn client_number(&self) -> Option<ClientNumber> {
        self.step_form::<ClientStep>(WizardStep::Client)?.number()
    }

    /// Where the certification letter goes (procedure A, step 2).
    pub fn letter_address(&self) -> Option<LetterAddress> {
        self.step_form::<PostalAddressStep>(WizardStep::PostalAddress)?
            .letter_address()
    }

    /// The locality a request is about: its site's (B) or its letter's (A).
    pub fn locality(&self) -> Option<String> {
        self.site_address()
            .or_else(|| self.letter_address().map(|letter| letter.address))
            .map(|address| address.locality)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::step_form::check;

    fn site(postcode: &str) -> StepValues {
        [
            ("site_house_number", "12A"),
            ("site_street", "Grand-Rue"),
            ("site_postcode", postcode),
            ("site_locality", "Luxembourg"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    #[test]
    fn an_address_writes_its_postcode_once_however_it_was_typed() {
        for typed in ["1660", "L-1660", "l 1660", "L1660"] {
            let address = step_answers::<SiteStep>(Some(&site(typed)))
                .and_then(|s| s.address())
                .unwrap();
            assert_eq!(address.to_string(), "12A Grand-Rue, L-1660 Luxembourg");
        }
    }

    #[test]
    fn an_address_is_read_from_the_answers_the_step_stored() {
        let mut values = site("1660");
        values.extend(
            [
                ("premises", "shop"),
                ("owner_name", "Weber"),
                ("owner_domicile", "2 rue Haute, L-1234 Luxembourg"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned())),
        );
        let stored = check::<SiteStep>(&values).unwrap();
        assert_eq!(stored["site_postcode"], "L-1660");
        let address = step_answers::<SiteStep>(Some(&stored))
            .and_then(|s| s.address())
            .unwrap();
        assert_eq!(address.locality_line(), "L-1660 Luxembourg");
    }

    #[test]
    fn an_incomplete_address_is_none_not_a_line_with_gaps() {
        let mut values = site("1660");
        values.remove("site_street");
        assert_eq!(
            step_answers::<SiteStep>(Some(&values)).and_then(|s| s.address()),
            None
        );
        assert_eq!(
            step_answers::<SiteStep>(Some(&site("L-99"))).and_then(|s| s.address()),
            None
        );
    }

    #[test]
    fn a_letter_needs_a_language_it_can_be_written_in() {
        let letter = |language: &str| PostalAddressStep {
            letter_recipient: "  ".into(),
            letter_street: "rue de la Gare".into(),
            letter_house_number: "3".into(),
            letter_postcode: "4130".into(),
            letter_locality: "Esch-sur-Alzette".into(),
            letter_language: language.into(),
        };
        let read = letter("de").letter_address().unwrap();
        assert_eq!(read.language, Locale::De);
        assert_eq!(read.recipient, None);
        assert_eq!(read.address.street_line(), "3 rue de la Gare");
        assert_eq!(letter("xx").letter_address(), None);
    }
}
