//! Every bad answer a step can get, with the message code each one must produce.

use super::*;
use crate::model::step_form::StepValues;

fn values(pairs: &[(&str, &str)]) -> StepValues {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn codes(step: ConnectionStep, values: &StepValues) -> Vec<(String, String, Option<u32>)> {
    match step.check(values) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.field.clone(), e.code.clone(), e.n))
            .collect(),
    }
}

pub fn complete(step: ConnectionStep) -> StepValues {
    match step {
        ConnectionStep::Applicant => values(&[
            ("capacity", "Gérante"),
            ("representative_phone", "621 123 456"),
        ]),
        ConnectionStep::Site => values(&[
            ("site_street", "Grand-Rue"),
            ("site_house_number", "12A"),
            ("site_postcode", "1660"),
            ("site_locality", "Luxembourg"),
            ("premises", "jeweller"),
            ("owner_name", "Immobilière du Centre SA"),
            ("owner_domicile", "3, rue du Fort, L-2419 Luxembourg"),
        ]),
        ConnectionStep::System => values(&[
            ("alarm_passive", "on"),
            ("installer_company", "Sécurité Moselle SARL"),
            ("installer_trade", "alarm-installer"),
            ("installer_authorisation", "10012345 / 1"),
            ("certificate_date", "2026-10-01"),
            ("post_request", "yes"),
            ("post_reference", "POST-ALM-4471"),
        ]),
        ConnectionStep::Contacts => {
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
        ConnectionStep::Motivation => values(&[(
            "motivation",
            "Bijouterie exposée, deux tentatives d'effraction en 2025.",
        )]),
        ConnectionStep::Obligations => OBLIGATIONS
            .iter()
            .map(|o| ((*o).to_owned(), "on".to_owned()))
            .collect(),
        ConnectionStep::Documents | ConnectionStep::Review => StepValues::new(),
    }
}

fn with(step: ConnectionStep, field: &str, value: &str) -> StepValues {
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
    for step in ConnectionStep::ALL.into_iter().filter(|s| s.is_form()) {
        assert_eq!(codes(step, &complete(step)), vec![], "{step:?}");
    }
    let site = ConnectionStep::Site
        .check(&complete(ConnectionStep::Site))
        .unwrap();
    assert_eq!(site["site_postcode"], "L-1660");
    let system = ConnectionStep::System
        .check(&complete(ConnectionStep::System))
        .unwrap();
    assert_eq!(system["installer_authorisation"], "10012345/1");
    let contacts = ConnectionStep::Contacts
        .check(&complete(ConnectionStep::Contacts))
        .unwrap();
    assert_eq!(contacts["contact1_phone"], "+352691000111");
    let applicant = ConnectionStep::Applicant
        .check(&complete(ConnectionStep::Applicant))
        .unwrap();
    assert_eq!(applicant["representative_phone"], "+352621123456");
}

#[test]
fn each_required_answer_left_empty_gets_its_message() {
    let cases: &[(ConnectionStep, &str, &str, &str)] = &[
        (
            ConnectionStep::Applicant,
            "capacity",
            "capacity",
            "capacity-required",
        ),
        (
            ConnectionStep::Applicant,
            "representative_phone",
            "representative_phone",
            "representative-phone-required",
        ),
        (
            ConnectionStep::Site,
            "site_street",
            "site_street",
            "street-required",
        ),
        (
            ConnectionStep::Site,
            "site_house_number",
            "site_house_number",
            "house-number-required",
        ),
        (
            ConnectionStep::Site,
            "site_postcode",
            "site_postcode",
            "postcode-required",
        ),
        (
            ConnectionStep::Site,
            "site_locality",
            "site_locality",
            "locality-required",
        ),
        (
            ConnectionStep::Site,
            "premises",
            "premises",
            "premises-required",
        ),
        (
            ConnectionStep::Site,
            "owner_name",
            "owner_name",
            "owner-name-required",
        ),
        (
            ConnectionStep::Site,
            "owner_domicile",
            "owner_domicile",
            "owner-domicile-required",
        ),
        (
            ConnectionStep::System,
            "alarm_passive",
            "alarm_kind",
            "alarm-kind-required",
        ),
        (
            ConnectionStep::System,
            "installer_company",
            "installer_company",
            "installer-company-required",
        ),
        (
            ConnectionStep::System,
            "installer_trade",
            "installer_trade",
            "installer-trade-required",
        ),
        (
            ConnectionStep::System,
            "installer_authorisation",
            "installer_authorisation",
            "authorisation-required",
        ),
        (
            ConnectionStep::System,
            "certificate_date",
            "certificate_date",
            "date-required",
        ),
        (
            ConnectionStep::System,
            "post_request",
            "post_request",
            "post-request-required",
        ),
        (
            ConnectionStep::System,
            "post_reference",
            "post_reference",
            "post-reference-required",
        ),
        (
            ConnectionStep::Motivation,
            "motivation",
            "motivation",
            "motivation-required",
        ),
        (
            ConnectionStep::Obligations,
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
            let found = codes(
                ConnectionStep::Contacts,
                &with(ConnectionStep::Contacts, &name, ""),
            );
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
    let cases: &[(ConnectionStep, &str, &str, &str)] = &[
        (
            ConnectionStep::Applicant,
            "representative_phone",
            "12",
            "representative-phone-format",
        ),
        (
            ConnectionStep::Applicant,
            "capacity",
            "<b>boss</b>",
            "capacity-markup",
        ),
        (
            ConnectionStep::Site,
            "site_postcode",
            "L-123",
            "postcode-format",
        ),
        (
            ConnectionStep::Site,
            "premises",
            "castle",
            "premises-required",
        ),
        (
            ConnectionStep::Site,
            "owner_given_name",
            "<script>",
            "owner-given-name-markup",
        ),
        (
            ConnectionStep::System,
            "installer_trade",
            "plumber",
            "installer-trade-required",
        ),
        (
            ConnectionStep::System,
            "installer_authorisation",
            "ABC-12",
            "authorisation-format",
        ),
        (
            ConnectionStep::System,
            "certificate_date",
            "31/02/2026",
            "date-format",
        ),
        (
            ConnectionStep::System,
            "certificate_date",
            "2999-01-01",
            "date-in-future",
        ),
        (
            ConnectionStep::System,
            "post_request",
            "maybe",
            "post-request-required",
        ),
        (
            ConnectionStep::Contacts,
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
        ConnectionStep::Motivation,
        &with(ConnectionStep::Motivation, "motivation", &long),
    );
    assert_eq!(found[0].1, "motivation-too-long");
}

#[test]
fn a_fire_alarm_is_refused_even_beside_an_intrusion_alarm() {
    let found = codes(
        ConnectionStep::System,
        &with(ConnectionStep::System, "alarm_fire", "on"),
    );
    assert_eq!(
        found,
        vec![("alarm_kind".into(), "fire-alarm-refused".into(), None)]
    );
}

#[test]
fn one_contact_person_is_not_enough_and_each_missing_answer_is_numbered() {
    let mut only_one = complete(ConnectionStep::Contacts);
    only_one.retain(|k, _| k.starts_with("contact1_"));
    let found = codes(ConnectionStep::Contacts, &only_one);
    assert_eq!(found.len(), 5);
    assert!(found
        .iter()
        .all(|(f, _, n)| f.starts_with("contact2_") && *n == Some(2)));
}

#[test]
fn a_third_contact_is_optional_but_checked_once_started() {
    let mut three = complete(ConnectionStep::Contacts);
    three.insert("contact3_family_name".into(), "Muller".into());
    let found = codes(ConnectionStep::Contacts, &three);
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
        ConnectionStep::System,
        &with(ConnectionStep::System, "alarm_centre_name", "Centrale Nord"),
    );
    assert_eq!(found[0].1, "alarm-centre-licence-required");
    let found = codes(
        ConnectionStep::System,
        &with(ConnectionStep::System, "alarm_centre_licence", "GS-12"),
    );
    assert_eq!(found[0].1, "alarm-centre-name-required");
    let mut no_post = with(ConnectionStep::System, "post_request", "no");
    no_post.remove("post_reference");
    assert_eq!(codes(ConnectionStep::System, &no_post), vec![]);
}

#[test]
fn unknown_fields_in_a_crafted_post_are_dropped() {
    let mut crafted = complete(ConnectionStep::Motivation);
    crafted.insert("status".into(), "approved".into());
    let saved = ConnectionStep::Motivation.check(&crafted).unwrap();
    assert_eq!(saved.keys().collect::<Vec<_>>(), vec!["motivation"]);
}

#[test]
fn steps_open_in_order_and_resume_at_the_first_incomplete_one() {
    let mut request = ConnectionRequest {
        id: "r".into(),
        business_id: "b".into(),
        company: crate::model::business::tests_support::details(),
        representative: "Marie Schmit".into(),
        status: RequestStatus::Draft,
        reference: None,
        created_at: String::new(),
        updated_at: String::new(),
        submitted_at: None,
        answers: Default::default(),
        documents: vec![],
    };
    assert_eq!(request.first_incomplete(), ConnectionStep::Applicant);
    assert!(!request.may_open(ConnectionStep::Site));
    for step in [
        ConnectionStep::Applicant,
        ConnectionStep::Site,
        ConnectionStep::System,
        ConnectionStep::Contacts,
        ConnectionStep::Motivation,
    ] {
        request.answers.insert(step.slug().into(), complete(step));
    }
    assert_eq!(request.first_incomplete(), ConnectionStep::Documents);
    assert!(!request.may_open(ConnectionStep::Obligations));
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
        .insert("obligations".into(), complete(ConnectionStep::Obligations));
    assert_eq!(request.first_incomplete(), ConnectionStep::Review);
    assert_eq!(request.first_invalid(), None);
    request.answers.insert(
        "site".into(),
        with(ConnectionStep::Site, "site_postcode", "0"),
    );
    assert_eq!(request.first_invalid(), Some(ConnectionStep::Site));
}

#[test]
fn slugs_round_trip_and_steps_know_their_neighbours() {
    for step in ConnectionStep::ALL {
        assert_eq!(ConnectionStep::from_slug(step.slug()), Some(step));
    }
    assert_eq!(ConnectionStep::Applicant.previous(), None);
    assert_eq!(
        ConnectionStep::Site.previous(),
        Some(ConnectionStep::Applicant)
    );
    assert_eq!(
        ConnectionStep::Obligations.next(),
        Some(ConnectionStep::Review)
    );
    assert_eq!(ConnectionStep::Review.next(), None);
    assert_eq!(ConnectionStep::System.number(), 3);
}
