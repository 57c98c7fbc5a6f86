//! The questions of each step of both wizards, in page order. Rules live in
//! `model::connection` and `model::certification`; this is only which control asks what, with which words.

use crate::components::wizard::{Control, Question, Section};
use crate::model::connection::{contact_input, CONTACT_SLOTS};
use crate::model::{Procedure, WizardStep};

const fn text(id: &'static str, label: &'static str) -> Question {
    Question {
        id,
        label,
        hint: None,
        control: Control::TEXT,
    }
}

const fn with_hint(mut question: Question, hint: &'static str) -> Question {
    question.hint = Some(hint);
    question
}

const fn control(mut question: Question, control: Control) -> Question {
    question.control = control;
    question
}

const fn sized(
    question: Question,
    width: &'static str,
    autocomplete: Option<&'static str>,
) -> Question {
    control(
        question,
        Control::Text {
            kind: "text",
            autocomplete,
            width: Some(width),
        },
    )
}

const PHONE: Control = Control::Text {
    kind: "tel",
    autocomplete: Some("tel"),
    width: Some("input--width-20"),
};

const PREMISES: &[(&str, &str)] = &[
    ("shop", "premises-shop"),
    ("office", "premises-office"),
    ("bank", "premises-bank"),
    ("jeweller", "premises-jeweller"),
    ("pharmacy", "premises-pharmacy"),
    ("warehouse", "premises-warehouse"),
    ("industrial", "premises-industrial"),
    ("public-building", "premises-public-building"),
    ("other", "premises-other"),
];

const ALARM_KINDS: &[(&str, &str)] = &[
    ("alarm_passive", "q-alarm-passive"),
    ("alarm_active", "q-alarm-active"),
    ("alarm_fire", "q-alarm-fire"),
];

const TRADES: &[(&str, &str)] = &[
    ("electronics", "trade-electronics"),
    ("alarm-installer", "trade-alarm-installer"),
];

const YES_NO: &[(&str, &str)] = &[("yes", "yes"), ("no", "no")];

const OBLIGATIONS: &[(&str, &str)] = &[
    ("obligation_maintenance", "obligation-maintenance"),
    ("obligation_log", "obligation-log"),
    ("obligation_inspection", "obligation-inspection"),
    ("obligation_test", "obligation-test"),
    ("obligation_changes", "obligation-changes"),
    ("obligation_training", "obligation-training"),
    ("obligation_false_alerts", "obligation-false-alerts"),
];

const LETTER_LANGUAGES: &[(&str, &str)] = &[
    ("fr", "language-name-fr"),
    ("de", "language-name-de"),
    ("en", "language-name-en"),
];

const DECLARATIONS: &[(&str, &str)] = &[
    ("declare_accurate", "declaration-accurate"),
    ("declare_authorised", "declaration-authorised"),
];

fn plain(questions: Vec<Question>) -> Section {
    Section {
        legend: None,
        n: None,
        questions,
    }
}

fn titled(legend: &'static str, questions: Vec<Question>) -> Section {
    Section {
        legend: Some(legend),
        n: None,
        questions,
    }
}

/// The sections of a form step; empty for the documents and the review.
pub fn sections(step: WizardStep) -> Vec<Section> {
    match step {
        WizardStep::Applicant => vec![plain(vec![
            with_hint(text("capacity", "q-capacity"), "q-capacity-hint"),
            with_hint(
                control(
                    text("representative_phone", "q-representative-phone"),
                    PHONE,
                ),
                "q-phone-hint",
            ),
        ])],
        WizardStep::Site => vec![
            titled(
                "q-site-address",
                vec![
                    text("site_street", "address-street"),
                    sized(
                        text("site_house_number", "address-house-number"),
                        "input--width-5",
                        None,
                    ),
                    with_hint(
                        sized(
                            text("site_postcode", "address-postcode"),
                            "input--width-10",
                            None,
                        ),
                        "check-postcode-hint",
                    ),
                    text("site_locality", "business-locality"),
                    control(text("premises", "q-premises"), Control::Select(PREMISES)),
                ],
            ),
            titled(
                "q-owner",
                vec![
                    with_hint(text("owner_name", "q-owner-name"), "q-owner-name-hint"),
                    with_hint(
                        text("owner_given_name", "q-owner-given-name"),
                        "q-optional-company-hint",
                    ),
                    with_hint(
                        text("owner_domicile", "q-owner-domicile"),
                        "q-domicile-hint",
                    ),
                ],
            ),
        ],
        WizardStep::System => vec![
            plain(vec![with_hint(
                control(
                    text("alarm_kind", "q-alarm-kind"),
                    Control::Checkboxes(ALARM_KINDS),
                ),
                "q-alarm-kind-hint",
            )]),
            titled(
                "q-installer",
                vec![
                    text("installer_company", "q-installer-company"),
                    control(
                        text("installer_trade", "q-installer-trade"),
                        Control::Radios(TRADES),
                    ),
                    with_hint(
                        sized(
                            text("installer_authorisation", "q-installer-authorisation"),
                            "input--width-10",
                            None,
                        ),
                        "q-installer-authorisation-hint",
                    ),
                    with_hint(
                        control(
                            text("certificate_date", "q-certificate-date"),
                            Control::Text {
                                kind: "date",
                                autocomplete: None,
                                width: Some("input--width-10"),
                            },
                        ),
                        "q-certificate-date-hint",
                    ),
                ],
            ),
            titled(
                "q-alarm-centre",
                vec![
                    with_hint(
                        text("alarm_centre_name", "q-alarm-centre-name"),
                        "q-alarm-centre-hint",
                    ),
                    sized(
                        text("alarm_centre_licence", "q-alarm-centre-licence"),
                        "input--width-20",
                        None,
                    ),
                ],
            ),
            titled(
                "q-post",
                vec![
                    with_hint(
                        control(
                            text("post_request", "q-post-request"),
                            Control::Radios(YES_NO),
                        ),
                        "q-post-request-hint",
                    ),
                    with_hint(
                        sized(
                            text("post_reference", "q-post-reference"),
                            "input--width-20",
                            None,
                        ),
                        "q-post-reference-hint",
                    ),
                ],
            ),
        ],
        WizardStep::Contacts => (1..=CONTACT_SLOTS)
            .map(|n| {
                let field = |suffix: &str| contact_input(n, suffix);
                Section {
                    legend: Some(if n == CONTACT_SLOTS {
                        "q-contact-optional"
                    } else {
                        "q-contact"
                    }),
                    n: Some(n),
                    questions: vec![
                        text(field("family_name"), "q-contact-family-name"),
                        text(field("given_name"), "q-contact-given-name"),
                        with_hint(
                            text(field("domicile"), "q-contact-domicile"),
                            "q-domicile-hint",
                        ),
                        with_hint(
                            control(text(field("phone"), "q-contact-phone"), PHONE),
                            "q-phone-hint",
                        ),
                        control(
                            text(field("consent"), "q-contact-consent-legend"),
                            Control::Checkboxes(match n {
                                1 => &[("contact1_consent", "q-contact-consent")],
                                2 => &[("contact2_consent", "q-contact-consent")],
                                _ => &[("contact3_consent", "q-contact-consent")],
                            }),
                        ),
                    ],
                }
            })
            .collect(),
        WizardStep::Motivation => vec![plain(vec![with_hint(
            control(text("motivation", "q-motivation"), Control::Area),
            "q-motivation-hint",
        )])],
        WizardStep::Obligations => vec![plain(vec![with_hint(
            control(
                text("obligations", "q-obligations"),
                Control::Checkboxes(OBLIGATIONS),
            ),
            "q-obligations-hint",
        )])],
        WizardStep::Client => vec![plain(vec![
            with_hint(
                sized(
                    text("client_number", "q-client-number"),
                    "input--width-10",
                    None,
                ),
                "q-client-number-hint",
            ),
            with_hint(text("capacity", "q-capacity"), "q-capacity-hint"),
            with_hint(
                control(
                    text("representative_phone", "q-representative-phone"),
                    PHONE,
                ),
                "q-phone-hint",
            ),
        ])],
        WizardStep::PostalAddress => vec![
            titled(
                "q-letter-address",
                vec![
                    with_hint(
                        text("letter_recipient", "q-letter-recipient"),
                        "q-letter-recipient-hint",
                    ),
                    sized(
                        text("letter_street", "address-street"),
                        "input--width-20",
                        Some("address-line1"),
                    ),
                    sized(
                        text("letter_house_number", "address-house-number"),
                        "input--width-5",
                        None,
                    ),
                    with_hint(
                        sized(
                            text("letter_postcode", "address-postcode"),
                            "input--width-10",
                            Some("postal-code"),
                        ),
                        "check-postcode-hint",
                    ),
                    text("letter_locality", "business-locality"),
                ],
            ),
            plain(vec![control(
                text("letter_language", "q-letter-language"),
                Control::Radios(LETTER_LANGUAGES),
            )]),
        ],
        WizardStep::Declaration => vec![plain(vec![with_hint(
            control(
                text("declaration", "q-declaration"),
                Control::Checkboxes(DECLARATIONS),
            ),
            "q-declaration-hint",
        )])],
        WizardStep::Documents | WizardStep::Review => Vec::new(),
    }
}

/// Every message id the questions use, for the catalogue test.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    for step in Procedure::ALL.iter().flat_map(|p| p.steps()).copied() {
        for section in sections(step) {
            ids.extend(section.legend);
            for question in section.questions {
                ids.push(question.label);
                ids.extend(question.hint);
                match question.control {
                    Control::Select(choices)
                    | Control::Radios(choices)
                    | Control::Checkboxes(choices) => {
                        ids.extend(choices.iter().map(|(_, label)| *label));
                    }
                    Control::Text { .. } | Control::Area => {}
                }
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_of_every_step_is_asked_in_the_rules_order() {
        for step in Procedure::ALL
            .iter()
            .flat_map(|p| p.steps())
            .copied()
            .filter(|s| s.is_form())
        {
            let asked: Vec<&str> = sections(step)
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.id))
                .collect();
            assert_eq!(asked, step.order().to_vec(), "{step:?}");
        }
    }

    #[test]
    fn every_question_has_its_words_in_every_language() {
        use crate::i18n::{catalog::translate, Locale};
        for locale in [Locale::Fr, Locale::De, Locale::En] {
            for id in message_ids() {
                assert_ne!(
                    translate(locale, id, None),
                    id,
                    "{id} missing in {locale:?}"
                );
            }
        }
    }
}
