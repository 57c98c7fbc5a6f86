//! Step 2, the protected site and the owner of the building (R2005 Art. 9 c).

use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::model::postcode::{validate_postcode, Postcode};
use crate::model::step_form::{StepForm, StepValues};
use crate::text_rule;

/// Kinds of premises, for the CIN's intervention plan.
pub const PREMISES_KINDS: [&str; 9] = [
    "shop",
    "office",
    "bank",
    "jeweller",
    "pharmacy",
    "warehouse",
    "industrial",
    "public-building",
    "other",
];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct SiteStep {
    #[validate(custom(function = "street"))]
    pub site_street: String,
    #[validate(custom(function = "house_number"))]
    pub site_house_number: String,
    #[validate(custom(function = "validate_postcode"))]
    pub site_postcode: String,
    #[validate(custom(function = "locality"))]
    pub site_locality: String,
    #[validate(custom(function = "premises"))]
    pub premises: String,
    /// The owner's family name, or the company's name when a company owns the building.
    #[validate(custom(function = "owner_name"))]
    pub owner_name: String,
    /// Empty when the owner is a company.
    #[validate(custom(function = "owner_given_name"))]
    pub owner_given_name: String,
    /// Domicile or registered office, anywhere: owners need not live in Luxembourg.
    #[validate(custom(function = "owner_domicile"))]
    pub owner_domicile: String,
}

pub(crate) fn street(value: &str) -> Result<(), ValidationError> {
    text_rule!("street", 120).check(value)
}

pub(crate) fn house_number(value: &str) -> Result<(), ValidationError> {
    text_rule!("house-number", 10).check(value)
}

pub(crate) fn locality(value: &str) -> Result<(), ValidationError> {
    text_rule!("locality", 80).check(value)
}

fn premises(value: &str) -> Result<(), ValidationError> {
    if PREMISES_KINDS.contains(&value) {
        Ok(())
    } else {
        Err(ValidationError::new("premises-required"))
    }
}

fn owner_name(value: &str) -> Result<(), ValidationError> {
    text_rule!("owner-name", 120).check(value)
}

fn owner_given_name(value: &str) -> Result<(), ValidationError> {
    text_rule!("owner-given-name", 80).check_optional(value)
}

fn owner_domicile(value: &str) -> Result<(), ValidationError> {
    text_rule!("owner-domicile", 200).check(value)
}

impl StepForm for SiteStep {
    const ORDER: &'static [&'static str] = &[
        "site_street",
        "site_house_number",
        "site_postcode",
        "site_locality",
        "premises",
        "owner_name",
        "owner_given_name",
        "owner_domicile",
    ];

    fn canonical(&self) -> StepValues {
        let mut trimmed = self.clone();
        for text in [
            &mut trimmed.site_street,
            &mut trimmed.site_house_number,
            &mut trimmed.site_locality,
            &mut trimmed.owner_name,
            &mut trimmed.owner_given_name,
            &mut trimmed.owner_domicile,
        ] {
            *text = text.trim().to_owned();
        }
        if let Ok(postcode) = Postcode::parse(&self.site_postcode) {
            trimmed.site_postcode = postcode.as_str().to_owned();
        }
        crate::model::step_form::to_values(&trimmed)
    }
}
