//! A business eSpace: the company an applicant acts for. Created from the private eSpace;
//! the ALARMIS procedures are only offered inside one (procedure, "Prerequisites").

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use super::field_errors::FieldErrors;
use super::legal_form::{validate_legal_form, LegalForm};
use super::phone_number::{validate_phone_number, PhoneNumber};
use super::postcode::{validate_postcode, Postcode};
use super::rcs_number::{validate_rcs_number, RcsNumber};
use super::text::TextRule;

/// The form's fields in page order; each name is also its input's id.
pub const BUSINESS_FIELDS: [&str; 9] = [
    "company_name",
    "legal_form",
    "rcs_number",
    "street",
    "house_number",
    "postcode",
    "locality",
    "email",
    "phone",
];

/// The answers as typed. The same derive runs in the browser and in the server function.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct BusinessEspaceForm {
    #[validate(custom(function = "company_name"))]
    #[serde(default)]
    pub company_name: String,
    #[validate(custom(function = "validate_legal_form"))]
    #[serde(default)]
    pub legal_form: String,
    #[validate(custom(function = "validate_rcs_number"))]
    #[serde(default)]
    pub rcs_number: String,
    #[validate(custom(function = "street"))]
    #[serde(default)]
    pub street: String,
    #[validate(custom(function = "house_number"))]
    #[serde(default)]
    pub house_number: String,
    #[validate(custom(function = "validate_postcode"))]
    #[serde(default)]
    pub postcode: String,
    #[validate(custom(function = "locality"))]
    #[serde(default)]
    pub locality: String,
    #[validate(custom(function = "email"))]
    #[serde(default)]
    pub email: String,
    #[validate(custom(function = "validate_phone_number"))]
    #[serde(default)]
    pub phone: String,
}

fn company_name(value: &str) -> Result<(), ValidationError> {
    TextRule {
        required: "company-name-required",
        too_long: "company-name-too-long",
        markup: "company-name-markup",
        max_chars: 120,
    }
    .check(value)
}

fn street(value: &str) -> Result<(), ValidationError> {
    TextRule {
        required: "street-required",
        too_long: "street-too-long",
        markup: "street-markup",
        max_chars: 120,
    }
    .check(value)
}

fn house_number(value: &str) -> Result<(), ValidationError> {
    TextRule {
        required: "house-number-required",
        too_long: "house-number-too-long",
        markup: "house-number-markup",
        max_chars: 10,
    }
    .check(value)
}

fn locality(value: &str) -> Result<(), ValidationError> {
    TextRule {
        required: "locality-required",
        too_long: "locality-too-long",
        markup: "locality-markup",
        max_chars: 80,
    }
    .check(value)
}

fn email(value: &str) -> Result<(), ValidationError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ValidationError::new("email-required"));
    }
    // RFC 5321's limit on a whole address.
    if value.chars().count() > 254 || !is_plausible_email(value) {
        return Err(ValidationError::new("email-format"));
    }
    Ok(())
}

/// `local@domain.tld` in the shape RFC 5321 allows, without quoted local parts or address
/// literals. Written here rather than validator's `email`, whose regex and IDNA tables
/// tripled the browser bundle (696 KiB to 2,014 KiB of WASM, measured by bench/bundle-size).
fn is_plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    const LOCAL_SYMBOLS: &str = "!#$%&'*+/=?^_`{|}~.-";
    let local_ok = (1..=64).contains(&local.len())
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || LOCAL_SYMBOLS.contains(c) || !c.is_ascii())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !local.chars().any(char::is_whitespace);
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.chars().count())
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
        });
    local_ok && domain_ok
}

/// An address in Luxembourg.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub house_number: String,
    pub postcode: Postcode,
    pub locality: String,
}

/// A business eSpace's details once every rule passed: only these reach the database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessDetails {
    pub company_name: String,
    pub legal_form: LegalForm,
    pub rcs_number: RcsNumber,
    pub seat: Address,
    pub email: String,
    pub phone: PhoneNumber,
}

impl BusinessEspaceForm {
    pub fn field_errors(&self) -> FieldErrors {
        match self.validate() {
            Ok(()) => FieldErrors::default(),
            Err(errors) => FieldErrors::from_validation(&errors, &BUSINESS_FIELDS),
        }
    }

    /// The checked details, or every message to show.
    pub fn parse(&self) -> Result<BusinessDetails, FieldErrors> {
        let errors = self.field_errors();
        let parsed = (|| {
            Some(BusinessDetails {
                company_name: self.company_name.trim().to_owned(),
                legal_form: LegalForm::from_code(&self.legal_form)?,
                rcs_number: RcsNumber::parse(&self.rcs_number).ok()?,
                seat: Address {
                    street: self.street.trim().to_owned(),
                    house_number: self.house_number.trim().to_owned(),
                    postcode: Postcode::parse(&self.postcode).ok()?,
                    locality: self.locality.trim().to_owned(),
                },
                email: self.email.trim().to_owned(),
                phone: PhoneNumber::parse(&self.phone).ok()?,
            })
        })();
        match parsed {
            Some(details) if errors.is_empty() => Ok(details),
            _ => Err(errors),
        }
    }
}

/// Someone's part in a business eSpace. At least one administrator always remains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberRole {
    Administrator,
    Member,
}

impl MemberRole {
    pub fn code(self) -> &'static str {
        match self {
            MemberRole::Administrator => "administrator",
            MemberRole::Member => "member",
        }
    }

    pub fn from_code(code: &str) -> Option<MemberRole> {
        [MemberRole::Administrator, MemberRole::Member]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// A line of the private eSpace's list of business eSpaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessSummary {
    pub id: crate::model::BusinessId,
    pub company_name: String,
    pub rcs_number: String,
    pub role: MemberRole,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub given_name: String,
    pub family_name: String,
    pub role: MemberRole,
}

/// A business eSpace as its members see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessEspace {
    pub id: crate::model::BusinessId,
    pub details: BusinessDetails,
    pub members: Vec<Member>,
    /// The viewer's own role in it.
    pub role: MemberRole,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// Procedure A: whether the Police certified it as an ALARMIS client.
    pub certification: crate::model::certification::CertificationState,
    /// Messages from the Police no member opened yet.
    pub unread_messages: u32,
}

/// A line of the Police's list of registered business eSpaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredBusiness {
    pub id: crate::model::BusinessId,
    pub company_name: String,
    pub rcs_number: String,
    pub locality: String,
    pub members: u32,
    pub created_at: String,
}

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub fn details() -> BusinessDetails {
        BusinessEspaceForm {
            company_name: "Bijouterie Schmit SARL".into(),
            legal_form: "sarl".into(),
            rcs_number: "B123456".into(),
            street: "Grand-Rue".into(),
            house_number: "12A".into(),
            postcode: "1660".into(),
            locality: "Luxembourg".into(),
            email: "contact@schmit.lu".into(),
            phone: "+352 621 123 456".into(),
        }
        .parse()
        .expect("valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> BusinessEspaceForm {
        BusinessEspaceForm {
            company_name: "Bijouterie Schmit SARL".into(),
            legal_form: "sarl".into(),
            rcs_number: "b 123456".into(),
            street: "Grand-Rue".into(),
            house_number: "12A".into(),
            postcode: "1660".into(),
            locality: "Luxembourg".into(),
            email: "contact@schmit.lu".into(),
            phone: "+352 621 123 456".into(),
        }
    }

    fn codes(form: &BusinessEspaceForm) -> Vec<(String, String)> {
        form.field_errors()
            .iter()
            .map(|e| (e.field.clone(), e.code.clone()))
            .collect()
    }

    #[test]
    fn e_mail_addresses_are_checked_for_their_shape() {
        for good in [
            "a@b.lu",
            "first.last+alarm@sub.example.lu",
            "o'neill@café.lu",
            "x_y@a-b.co",
        ] {
            assert!(is_plausible_email(good), "{good}");
        }
        for bad in [
            "",
            "plain",
            "@example.lu",
            "a@",
            "a@lu",
            "a@.lu",
            "a@b..lu",
            "a b@c.lu",
            ".a@b.lu",
            "a.@b.lu",
            "a..b@c.lu",
            "a@-b.lu",
            "a@b-.lu",
            "a@b.l",
            "a@1.23",
            "a@b_c.lu",
            "<a>@b.lu",
            "a@b.lu>",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn a_complete_form_parses_into_canonical_details() {
        let details = complete().parse().expect("valid");
        assert_eq!(details.rcs_number.as_str(), "B123456");
        assert_eq!(details.seat.postcode.as_str(), "L-1660");
        assert_eq!(details.legal_form, LegalForm::Sarl);
    }

    #[test]
    fn an_empty_form_names_every_field_in_page_order() {
        let found = codes(&BusinessEspaceForm::default());
        let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, BUSINESS_FIELDS.to_vec());
        assert!(found.iter().all(|(_, code)| code.ends_with("-required")));
    }

    #[test]
    fn every_text_field_refuses_markup_and_excess_length_with_its_own_message() {
        type Field = fn(&mut BusinessEspaceForm) -> &mut String;
        let fields: [(Field, &str, &str, usize); 4] = [
            (
                |f| &mut f.company_name,
                "company_name",
                "company-name-too-long",
                120,
            ),
            (|f| &mut f.street, "street", "street-too-long", 120),
            (
                |f| &mut f.house_number,
                "house_number",
                "house-number-too-long",
                10,
            ),
            (|f| &mut f.locality, "locality", "locality-too-long", 80),
        ];
        for (field, name, too_long, max) in fields {
            let mut form = complete();
            *field(&mut form) = "é".repeat(max);
            assert!(codes(&form).is_empty(), "{name}: {max} characters fit");
            *field(&mut form) = "é".repeat(max + 1);
            assert_eq!(codes(&form), vec![(name.to_owned(), too_long.to_owned())]);
            *field(&mut form) = "<script>".into();
            let markup = too_long.replace("-too-long", "-markup");
            assert_eq!(codes(&form), vec![(name.to_owned(), markup)]);
        }
        let mut form = complete();
        form.email = format!("{}@example.lu", "a".repeat(250));
        assert_eq!(
            codes(&form),
            vec![("email".to_owned(), "email-format".to_owned())]
        );
    }

    #[test]
    fn each_bad_value_gets_its_own_message() {
        type Change = fn(&mut BusinessEspaceForm);
        let cases: [(Change, &str, &str); 8] = [
            (
                |f| f.company_name = "x".repeat(121),
                "company_name",
                "company-name-too-long",
            ),
            (
                |f| f.company_name = "<script>alert(1)</script>".into(),
                "company_name",
                "company-name-markup",
            ),
            (
                |f| f.legal_form = "llc".into(),
                "legal_form",
                "legal-form-required",
            ),
            (
                |f| f.rcs_number = "123456".into(),
                "rcs_number",
                "rcs-format",
            ),
            (
                |f| f.postcode = "L-0123".into(),
                "postcode",
                "postcode-format",
            ),
            (
                |f| f.street = "<b>Rue</b>".into(),
                "street",
                "street-markup",
            ),
            (|f| f.email = "contact@".into(), "email", "email-format"),
            (|f| f.phone = "12".into(), "phone", "phone-format"),
        ];
        for (change, field, code) in cases {
            let mut form = complete();
            change(&mut form);
            assert_eq!(
                codes(&form),
                vec![(field.to_owned(), code.to_owned())],
                "{field}"
            );
            assert!(form.parse().is_err());
        }
    }
}
