//! Step 4, the contact persons the CIN calls when the alarm goes off: names, first names and
//! domiciles (R2005 Art. 9 d), a phone number, and, as good practice (AR1998 Art. 9), at least
//! two who agree to be reachable and on site within 30 minutes, with keys or access.

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError, ValidationErrors};

use crate::model::field_errors::ORDINAL_PARAM;
use crate::model::phone_number::PhoneNumber;
use crate::model::step_form::{is_checked, StepForm, StepValues, CHECKED};
use crate::model::FieldErrors;
use crate::text_rule;

/// Places on the form; the first [`REQUIRED_CONTACTS`] must be filled.
pub const CONTACT_SLOTS: u32 = 3;
pub const REQUIRED_CONTACTS: u32 = 2;

/// The answers about one contact person, as a form posts them without the `contactN_` prefix.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct ContactPerson {
    #[validate(custom(function = "family_name"))]
    pub family_name: String,
    #[validate(custom(function = "given_name"))]
    pub given_name: String,
    #[validate(custom(function = "domicile"))]
    pub domicile: String,
    #[validate(custom(function = "phone"))]
    pub phone: String,
    #[validate(custom(function = "consent"))]
    pub consent: String,
}

/// A contact person's fields, in page order.
pub const CONTACT_FIELDS: [&str; 5] = ["family_name", "given_name", "domicile", "phone", "consent"];

fn family_name(value: &str) -> Result<(), ValidationError> {
    text_rule!("contact-family-name", 80).check(value)
}

fn given_name(value: &str) -> Result<(), ValidationError> {
    text_rule!("contact-given-name", 80).check(value)
}

fn domicile(value: &str) -> Result<(), ValidationError> {
    text_rule!("contact-domicile", 200).check(value)
}

fn phone(value: &str) -> Result<(), ValidationError> {
    PhoneNumber::parse(value).map(drop).map_err(|e| {
        ValidationError::new(match e {
            crate::model::phone_number::PhoneNumberError::Empty => "contact-phone-required",
            crate::model::phone_number::PhoneNumberError::Format => "contact-phone-format",
        })
    })
}

fn consent(value: &str) -> Result<(), ValidationError> {
    if is_checked(value) {
        Ok(())
    } else {
        Err(ValidationError::new("contact-consent-required"))
    }
}

impl ContactPerson {
    fn is_blank(&self) -> bool {
        [
            &self.family_name,
            &self.given_name,
            &self.domicile,
            &self.phone,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
            && !is_checked(&self.consent)
    }
}

/// The input name of contact `n`'s `field`: `contact2_phone`.
pub fn contact_field(n: u32, field: &str) -> String {
    format!("contact{n}_{field}")
}

/// The same name as a `&'static str`, as `validator` and the question list want it: found in
/// [`ContactsStep::ORDER`], the fixed list of inputs, rather than built ("contacts" if absent).
pub fn contact_input(n: u32, field: &str) -> &'static str {
    let wanted = contact_field(n, field);
    ContactsStep::ORDER
        .iter()
        .copied()
        .find(|name| *name == wanted)
        .unwrap_or("contacts")
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactsStep {
    pub contact1_family_name: String,
    pub contact1_given_name: String,
    pub contact1_domicile: String,
    pub contact1_phone: String,
    pub contact1_consent: String,
    pub contact2_family_name: String,
    pub contact2_given_name: String,
    pub contact2_domicile: String,
    pub contact2_phone: String,
    pub contact2_consent: String,
    pub contact3_family_name: String,
    pub contact3_given_name: String,
    pub contact3_domicile: String,
    pub contact3_phone: String,
    pub contact3_consent: String,
}

impl ContactsStep {
    /// Contact person `n` (1 to [`CONTACT_SLOTS`]).
    pub fn person(&self, n: u32) -> ContactPerson {
        let [family_name, given_name, domicile, phone, consent] = match n {
            1 => [
                &self.contact1_family_name,
                &self.contact1_given_name,
                &self.contact1_domicile,
                &self.contact1_phone,
                &self.contact1_consent,
            ],
            2 => [
                &self.contact2_family_name,
                &self.contact2_given_name,
                &self.contact2_domicile,
                &self.contact2_phone,
                &self.contact2_consent,
            ],
            3 => [
                &self.contact3_family_name,
                &self.contact3_given_name,
                &self.contact3_domicile,
                &self.contact3_phone,
                &self.contact3_consent,
            ],
            _ => return ContactPerson::default(),
        };
        ContactPerson {
            family_name: family_name.clone(),
            given_name: given_name.clone(),
            domicile: domicile.clone(),
            phone: phone.clone(),
            consent: consent.clone(),
        }
    }

    /// The persons given, without empty optional places.
    pub fn persons(&self) -> Vec<ContactPerson> {
        (1..=CONTACT_SLOTS)
            .map(|n| self.person(n))
            .filter(|p| !p.is_blank())
            .collect()
    }
}

impl Validate for ContactsStep {
    fn validate(&self) -> Result<(), ValidationErrors> {
        if self.field_errors().is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors::new())
        }
    }
}

impl StepForm for ContactsStep {
    const ORDER: &'static [&'static str] = &[
        "contact1_family_name",
        "contact1_given_name",
        "contact1_domicile",
        "contact1_phone",
        "contact1_consent",
        "contact2_family_name",
        "contact2_given_name",
        "contact2_domicile",
        "contact2_phone",
        "contact2_consent",
        "contact3_family_name",
        "contact3_given_name",
        "contact3_domicile",
        "contact3_phone",
        "contact3_consent",
    ];

    /// Each person checked with [`ContactPerson`]'s rules; the optional third only when started.
    fn field_errors(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        for n in 1..=CONTACT_SLOTS {
            let person = self.person(n);
            if n > REQUIRED_CONTACTS && person.is_blank() {
                continue;
            }
            let Err(failures) = person.validate() else {
                continue;
            };
            let mut numbered = ValidationErrors::new();
            for (field, list) in failures.field_errors() {
                for failure in list.iter() {
                    let mut failure = failure.clone();
                    failure.add_param(ORDINAL_PARAM.into(), &n);
                    numbered.add(contact_input(n, &field), failure);
                }
            }
            errors.extend(FieldErrors::from_validation(&numbered, Self::ORDER));
        }
        errors.sort_by_order(Self::ORDER);
        errors
    }

    fn canonical(&self) -> StepValues {
        let mut values = StepValues::new();
        for (index, person) in self.persons().into_iter().enumerate() {
            let n = index as u32 + 1;
            let phone = PhoneNumber::parse(&person.phone)
                .map(|p| p.international())
                .unwrap_or_default();
            for (field, value) in [
                ("family_name", person.family_name.trim().to_owned()),
                ("given_name", person.given_name.trim().to_owned()),
                ("domicile", person.domicile.trim().to_owned()),
                ("phone", phone),
                ("consent", CHECKED.to_owned()),
            ] {
                values.insert(contact_field(n, field), value);
            }
        }
        values
    }
}
