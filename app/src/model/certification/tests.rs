//! Procedure A's answers and the typed code: every bad answer gets its message code.

use super::*;
use crate::model::request::WizardStep;
use crate::model::step_form::StepValues;

use crate::model::step_form::values_of as values;

fn codes(step: WizardStep, values: &StepValues) -> Vec<(String, String)> {
    match step.check(values) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.field.clone(), e.code.clone()))
            .collect(),
    }
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

pub fn complete(step: WizardStep) -> StepValues {
    match step {
        WizardStep::Client => values(&[
            ("client_number", "al 004217"),
            ("capacity", "Gérant"),
            ("representative_phone", "621 123 456"),
        ]),
        WizardStep::PostalAddress => values(&[
            ("letter_recipient", "Service technique"),
            ("letter_street", "rue de Hollerich"),
            ("letter_house_number", "48"),
            ("letter_postcode", "1740"),
            ("letter_locality", "Luxembourg"),
            ("letter_language", "de"),
        ]),
        WizardStep::Declaration => {
            values(&[("declare_accurate", "on"), ("declare_authorised", "on")])
        }
        _ => StepValues::new(),
    }
}

#[test]
fn complete_answers_pass_in_their_canonical_spelling() {
    let client = WizardStep::Client
        .check(&complete(WizardStep::Client))
        .unwrap();
    assert_eq!(client["client_number"], "AL-004217");
    assert_eq!(client["representative_phone"], "+352621123456");
    let address = WizardStep::PostalAddress
        .check(&complete(WizardStep::PostalAddress))
        .unwrap();
    assert_eq!(address["letter_postcode"], "L-1740");
    assert!(WizardStep::Declaration
        .check(&complete(WizardStep::Declaration))
        .is_ok());
}

#[test]
fn empty_steps_name_every_required_answer_in_page_order() {
    let empty = StepValues::new();
    assert_eq!(
        codes(WizardStep::Client, &empty),
        vec![
            pair("client_number", "client-number-required"),
            pair("capacity", "capacity-required"),
            pair("representative_phone", "representative-phone-required"),
        ]
    );
    assert_eq!(
        codes(WizardStep::PostalAddress, &empty),
        vec![
            pair("letter_street", "street-required"),
            pair("letter_house_number", "house-number-required"),
            pair("letter_postcode", "postcode-required"),
            pair("letter_locality", "locality-required"),
            pair("letter_language", "letter-language-required"),
        ]
    );
    assert_eq!(
        codes(WizardStep::Declaration, &empty),
        vec![pair("declaration", "declaration-required")]
    );
}

#[test]
fn wrong_formats_get_their_message() {
    let mut client = complete(WizardStep::Client);
    client.insert("client_number".into(), "42/17".into());
    assert_eq!(
        codes(WizardStep::Client, &client),
        vec![pair("client_number", "client-number-format")]
    );
    let mut address = complete(WizardStep::PostalAddress);
    address.insert("letter_postcode".into(), "D-54290".into());
    address.insert("letter_language".into(), "lb".into());
    address.insert("letter_recipient".into(), "<b>Chef</b>".into());
    assert_eq!(
        codes(WizardStep::PostalAddress, &address),
        vec![
            pair("letter_recipient", "letter-recipient-markup"),
            pair("letter_postcode", "postcode-format"),
            pair("letter_language", "letter-language-required"),
        ]
    );
    let half = values(&[("declare_accurate", "on")]);
    assert_eq!(
        codes(WizardStep::Declaration, &half),
        vec![pair("declaration", "declaration-required")]
    );
}

#[test]
fn typed_codes_are_normalised_and_wrong_shapes_explained() {
    let code = TokenInput::parse("k7qm-4xpa 9rht-2wzc-8dne").unwrap();
    assert_eq!(code.as_str(), "K7QM4XPA9RHT2WZC8DNE");
    assert_eq!(code.grouped(), "K7QM-4XPA-9RHT-2WZC-8DNE");
    assert_eq!(TokenInput::parse(" - "), Err(TokenError::Empty));
    assert_eq!(
        TokenInput::parse("K7QM-4XPA-9RHT-2WZC"),
        Err(TokenError::Length)
    );
    assert_eq!(
        TokenInput::parse("K7QM-4XPA-9RHT-2WZC-8DNEA"),
        Err(TokenError::Length)
    );
    for confusable in ["O", "0", "1", "I", "L", "!"] {
        let typed = format!("K7QM-4XPA-9RHT-2WZC-8DN{confusable}");
        assert_eq!(
            TokenInput::parse(&typed),
            Err(TokenError::Character),
            "{typed}"
        );
    }
    assert_eq!(format!("{code:?}"), "TokenInput(..)");
}

#[test]
fn codes_carry_at_least_eighty_bits() {
    let bits = TOKEN_CHARS as f64 * (TOKEN_ALPHABET.len() as f64).log2();
    assert!(bits >= 80.0, "{bits}");
    let mut alphabet = TOKEN_ALPHABET.to_vec();
    alphabet.dedup();
    assert_eq!(alphabet.len(), TOKEN_ALPHABET.len());
    for ambiguous in b"01ILO" {
        assert!(!TOKEN_ALPHABET.contains(ambiguous));
    }
}

#[test]
fn procedure_a_steps_open_in_order() {
    use crate::model::request::Procedure;
    let steps = Procedure::Certification.steps();
    assert_eq!(steps.first(), Some(&WizardStep::Client));
    assert_eq!(steps.last(), Some(&WizardStep::Review));
    assert_eq!(Procedure::Certification.number(WizardStep::Declaration), 3);
    assert_eq!(
        Procedure::Certification.next(WizardStep::Client),
        Some(WizardStep::PostalAddress)
    );
    assert_eq!(Procedure::Certification.number(WizardStep::Site), 0);
    assert_eq!(Procedure::Certification.step("site"), None);
    assert_eq!(
        Procedure::Certification.step("courrier"),
        Some(WizardStep::PostalAddress)
    );
}
