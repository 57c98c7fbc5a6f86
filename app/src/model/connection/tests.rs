//! Every bad answer a step can get, with the message code each one must produce.

use super::*;
use crate::model::request::Procedure;
use crate::model::step_form::StepValues;

use crate::model::step_form::values_of as values;

fn codes(step: WizardStep, values: &StepValues) -> Vec<(String, String, Option<u32>)> {
    match step.check(values) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.field.clone(), e.code.clone(), e.n))
            .collect(),
    }
}

pub fn complete(step: WizardStep) -> StepValues {
    match step {
        WizardStep::Applicant => values(&[
            ("capacity", "Gérante"),
            ("representative_phone", "621 123 456"),
        ]),
        WizardStep::Site => values(&[
            ("site_street", "Grand-Rue"),
            ("site_house_number", "12A"),
            ("site_postcode", "1660"),
            ("site_locality", "Luxembourg"),
            ("premises", "jeweller"),
            ("owner_name", "Immobilière du Centre SA"),
            ("owner_domicile", "3, rue du Fort, L-2419 Luxembourg"),
        ]),
        WizardStep::System => values(&[
            ("alarm_passive", "on"),
            ("installer_company", "Sécurité Moselle SARL"),
            ("installer_trade", "alarm-installer"),
            ("installer_authorisation", "10012345 / 1"),
            ("certificate_date", "2026-10-01"),
            ("post_request", "yes"),
            ("post_reference", "POST-ALM-4471"),
        ]),
        WizardStep::Contacts => {
            let mut v = StepValues::new();
            for (n, name) in [(1, "Schmit"), (2, "Weber")] {
                for (field, value) in [
                    ("family_name", name),
                    ("given_name", "Anne"),
                    ("domicile", "5, rue Large, L-1917 Luxembourg"),
                    ("phone", "+352 691 000 111"),
                    ("consent", "on"),
                ] {
                    v.insert(contact_field(n, field), value.to_owned());
                }
            }
            v
        }
        WizardStep::Motivation => values(&[(
            "motivation",
            "Bijouterie exposée, deux tentatives d'effraction en 2025.",
        )]),
        WizardStep::Obligations => OBLIGATIONS
            .iter()
            .map(|o| ((*o).to_owned(), "on".to_owned()))
            .collect(),
        WizardStep::Documents
        | WizardStep::Review
        | WizardStep::Client
        | WizardStep::PostalAddress
        | WizardStep::Declaration => StepValues::new(),
    }
}

fn with(step: WizardStep, field: &str, value: &str) -> StepValues {
    let mut v = complete(step);
    if value.is_empty() {
        v.remove(field);
    } else {
        v.insert(field.to_owned(), value.to_owned());
    }
    v
}

#[test]
fn complete_answers_pass_and_are_stored_canonically() {
    for step in Procedure::Connection
        .steps()
        .iter()
        .copied()
        .filter(|s| s.is_form())
    {
        assert_eq!(codes(step, &complete(step)), vec![], "{step:?}");
    }
    let site = WizardStep::Site.check(&complete(WizardStep::Site)).unwrap();
    assert_eq!(site["site_postcode"], "L-1660");
    let system = WizardStep::System
        .check(&complete(WizardStep::System))
        .unwrap();
    assert_eq!(system["installer_authorisation"], "10012345/1");
    let contacts = WizardStep::Contacts
        .check(&complete(WizardStep::Contacts))
        .unwrap();
    assert_eq!(contacts["contact1_phone"], "+352691000111");
    let applicant = WizardStep::Applicant
        .check(&complete(WizardStep::Applicant))
        .unwrap();
    assert_eq!(applicant["representative_phone"], "+352621123456");
}

#[test]
fn each_required_answer_left_empty_gets_its_message() {
    let cases: &[(WizardStep, &str, &str, &str)] = &[
        (
            WizardStep::Applicant,
            "capacity",
            "capacity",
            "capacity-required",
        ),
        (
            WizardStep::Applicant,
            "representative_phone",
            "representative_phone",
            "representative-phone-required",
        ),
        (
            WizardStep::Site,
            "site_street",
            "site_street",
            "street-required",
        ),
        (
            WizardStep::Site,
            "site_house_number",
            "site_house_number",
            "house-number-required",
        ),
        (
            WizardStep::Site,
            "site_postcode",
            "site_postcode",
            "postcode-required",
        ),
        (
            WizardStep::Site,
            "site_locality",
            "site_locality",
            "locality-required",
        ),
        (
            WizardStep::Site,
            "premises",
            "premises",
            "premises-required",
        ),
        (
            WizardStep::Site,
            "owner_name",
            "owner_name",
            "owner-name-required",
        ),
        (
            WizardStep::Site,
            "owner_domicile",
            "owner_domicile",
            "owner-domicile-required",
        ),
        (
            WizardStep::System,
            "alarm_passive",
            "alarm_kind",
            "alarm-kind-required",
        ),
        (
            WizardStep::System,
            "installer_company",
            "installer_company",
            "installer-company-required",
        ),
        (
            WizardStep::System,
            "installer_trade",
            "installer_trade",
            "installer-trade-required",
        ),
        (
            WizardStep::System,
            "installer_authorisation",
            "installer_authorisation",
            "authorisation-required",
        ),
        (
            WizardStep::System,
            "certificate_date",
            "certificate_date",
            "date-required",
        ),
        (
            WizardStep::System,
            "post_request",
            "post_request",
            "post-request-required",
        ),
        (
            WizardStep::System,
            "post_reference",
            "post_reference",
            "post-reference-required",
        ),
        (
            WizardStep::Motivation,
            "motivation",
            "motivation",
            "motivation-required",
        ),
        (
            WizardStep::Obligations,
            "obligation_test",
            "obligations",
            "obligations-required",
        ),
    ];
    for (step, emptied, field, code) in cases {
        let found = codes(*step, &with(*step, emptied, ""));
        assert_eq!(
            found,
            vec![((*field).to_owned(), (*code).to_owned(), None)],
            "{emptied}"
        );
    }
    for n in 1..=2 {
        for (field, code) in [
            ("family_name", "contact-family-name-required"),
            ("given_name", "contact-given-name-required"),
            ("domicile", "contact-domicile-required"),
            ("phone", "contact-phone-required"),
            ("consent", "contact-consent-required"),
        ] {
            let name = contact_field(n, field);
            let found = codes(WizardStep::Contacts, &with(WizardStep::Contacts, &name, ""));
            assert_eq!(
                found,
                vec![(name.clone(), code.to_owned(), Some(n))],
                "{name}"
            );
        }
    }
}

#[test]
fn each_wrong_format_gets_its_message() {
    let cases: &[(WizardStep, &str, &str, &str)] = &[
        (
            WizardStep::Applicant,
            "representative_phone",
            "12",
            "representative-phone-format",
        ),
        (
            WizardStep::Applicant,
            "capacity",
            "<b>boss</b>",
            "capacity-markup",
        ),
        (
            WizardStep::Site,
            "site_postcode",
            "L-123",
            "postcode-format",
        ),
        (WizardStep::Site, "premises", "castle", "premises-required"),
        (
            WizardStep::Site,
            "owner_given_name",
            "<script>",
            "owner-given-name-markup",
        ),
        (
            WizardStep::System,
            "installer_trade",
            "plumber",
            "installer-trade-required",
        ),
        (
            WizardStep::System,
            "installer_authorisation",
            "ABC-12",
            "authorisation-format",
        ),
        (
            WizardStep::System,
            "certificate_date",
            "31/02/2026",
            "date-format",
        ),
        (
            WizardStep::System,
            "certificate_date",
            "2999-01-01",
            "date-in-future",
        ),
        (
            WizardStep::System,
            "post_request",
            "maybe",
            "post-request-required",
        ),
        (
            WizardStep::Contacts,
            "contact2_phone",
            "call me",
            "contact-phone-format",
        ),
    ];
    for (step, field, value, code) in cases {
        let found = codes(*step, &with(*step, field, value));
        assert_eq!(found.len(), 1, "{field}={value}: {found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str()),
            (*field, *code),
            "{field}={value}"
        );
    }
    let long = "é".repeat(2001);
    let found = codes(
        WizardStep::Motivation,
        &with(WizardStep::Motivation, "motivation", &long),
    );
    assert_eq!(found[0].1, "motivation-too-long");
}

#[test]
fn a_fire_alarm_is_refused_even_beside_an_intrusion_alarm() {
    let found = codes(
        WizardStep::System,
        &with(WizardStep::System, "alarm_fire", "on"),
    );
    assert_eq!(
        found,
        vec![("alarm_kind".into(), "fire-alarm-refused".into(), None)]
    );
}

#[test]
fn one_contact_person_is_not_enough_and_each_missing_answer_is_numbered() {
    let mut only_one = complete(WizardStep::Contacts);
    only_one.retain(|k, _| k.starts_with("contact1_"));
    let found = codes(WizardStep::Contacts, &only_one);
    assert_eq!(found.len(), 5);
    assert!(found
        .iter()
        .all(|(f, _, n)| f.starts_with("contact2_") && *n == Some(2)));
}

#[test]
fn a_third_contact_is_optional_but_checked_once_started() {
    let mut three = complete(WizardStep::Contacts);
    three.insert("contact3_family_name".into(), "Muller".into());
    let found = codes(WizardStep::Contacts, &three);
    assert_eq!(
        found[0],
        (
            "contact3_given_name".into(),
            "contact-given-name-required".into(),
            Some(3)
        )
    );
    assert_eq!(found.len(), 4);
}

#[test]
fn an_alarm_centre_needs_both_name_and_licence_and_post_no_needs_no_reference() {
    let found = codes(
        WizardStep::System,
        &with(WizardStep::System, "alarm_centre_name", "Centrale Nord"),
    );
    assert_eq!(found[0].1, "alarm-centre-licence-required");
    let found = codes(
        WizardStep::System,
        &with(WizardStep::System, "alarm_centre_licence", "GS-12"),
    );
    assert_eq!(found[0].1, "alarm-centre-name-required");
    let mut no_post = with(WizardStep::System, "post_request", "no");
    no_post.remove("post_reference");
    assert_eq!(codes(WizardStep::System, &no_post), vec![]);
}

#[test]
fn unknown_fields_in_a_crafted_post_are_dropped() {
    let mut crafted = complete(WizardStep::Motivation);
    crafted.insert("status".into(), "approved".into());
    let saved = WizardStep::Motivation.check(&crafted).unwrap();
    assert_eq!(saved.keys().collect::<Vec<_>>(), vec!["motivation"]);
}

#[test]
fn steps_open_in_order_and_resume_at_the_first_incomplete_one() {
    let mut request = ProcedureRequest {
        id: crate::model::RequestId::new("r"),
        business_id: crate::model::BusinessId::new("b"),
        procedure: Procedure::Connection,
        company: crate::model::business::tests_support::details(),
        representative: "Marie Schmit".into(),
        status: RequestStatus::Draft,
        reference: None,
        created_at: String::new(),
        updated_at: String::new(),
        submitted_at: None,
        decision: None,
        answers: Default::default(),
        documents: vec![],
        messages: vec![],
    };
    assert_eq!(request.first_incomplete(), WizardStep::Applicant);
    assert!(!request.may_open(WizardStep::Site));
    for step in [
        WizardStep::Applicant,
        WizardStep::Site,
        WizardStep::System,
        WizardStep::Contacts,
        WizardStep::Motivation,
    ] {
        request.answers.insert(step.slug().into(), complete(step));
    }
    assert_eq!(request.first_incomplete(), WizardStep::Documents);
    assert!(!request.may_open(WizardStep::Obligations));
    for kind in [
        DocumentKind::BuildingPlan,
        DocumentKind::ConformityCertificate,
    ] {
        request.documents.push(DocumentInfo {
            id: kind.code().into(),
            kind,
            file_name: "f.pdf".into(),
            content_type: "application/pdf".into(),
            size_bytes: 1,
            sha256: String::new(),
            uploaded_at: String::new(),
        });
    }
    request
        .answers
        .insert("obligations".into(), complete(WizardStep::Obligations));
    assert_eq!(request.first_incomplete(), WizardStep::Review);
    assert_eq!(request.first_invalid(), None);
    request
        .answers
        .insert("site".into(), with(WizardStep::Site, "site_postcode", "0"));
    assert_eq!(request.first_invalid(), Some(WizardStep::Site));
}

#[test]
fn slugs_round_trip_and_steps_know_their_neighbours() {
    let b = Procedure::Connection;
    for step in b.steps() {
        assert_eq!(b.step(step.slug()), Some(*step));
    }
    let mut slugs: Vec<&str> = Procedure::ALL
        .iter()
        .flat_map(|p| p.steps().iter().map(|s| s.slug()))
        .filter(|slug| *slug != "recapitulatif")
        .collect();
    let count = slugs.len();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), count, "a slug belongs to one step");
    assert_eq!(b.previous(WizardStep::Applicant), None);
    assert_eq!(b.previous(WizardStep::Site), Some(WizardStep::Applicant));
    assert_eq!(b.next(WizardStep::Obligations), Some(WizardStep::Review));
    assert_eq!(b.next(WizardStep::Review), None);
    assert_eq!(b.number(WizardStep::System), 3);
    assert_eq!(b.step("client"), None, "procedure A's steps are not B's");
}
