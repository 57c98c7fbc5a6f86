//! A change to a connected site's information (R2005 Art. 11: changes to what the intervention
//! plan holds are reported to the CIN). The applicant proposes one part at a time; the site's
//! data changes only when an agent accepts it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::connection::ContactsStep;
use crate::model::{FieldErrors, StepForm, StepValues, WizardStep};

/// What a change report is about: a part of the connection request's answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangePart {
    Contacts,
    Owner,
    Installer,
    AlarmCentre,
}

const OWNER_FIELDS: &[&str] = &["owner_name", "owner_given_name", "owner_domicile"];
const INSTALLER_FIELDS: &[&str] = &[
    "installer_company",
    "installer_trade",
    "installer_authorisation",
    "certificate_date",
];
const ALARM_CENTRE_FIELDS: &[&str] = &["alarm_centre_name", "alarm_centre_licence"];

impl ChangePart {
    pub const ALL: [ChangePart; 4] = [
        ChangePart::Contacts,
        ChangePart::Owner,
        ChangePart::Installer,
        ChangePart::AlarmCentre,
    ];

    /// The database's name for it.
    pub fn code(self) -> &'static str {
        match self {
            ChangePart::Contacts => "contacts",
            ChangePart::Owner => "owner",
            ChangePart::Installer => "installer",
            ChangePart::AlarmCentre => "alarm_centre",
        }
    }

    pub fn from_code(code: &str) -> Option<ChangePart> {
        ChangePart::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The form's address under the site: `…/changement/proprietaire`.
    pub fn slug(self) -> &'static str {
        match self {
            ChangePart::Contacts => "contacts",
            ChangePart::Owner => "proprietaire",
            ChangePart::Installer => "installateur",
            ChangePart::AlarmCentre => "centrale",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ChangePart> {
        ChangePart::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The message id of its name ("The contact persons").
    pub fn title_id(self) -> String {
        format!("change-part-{}", self.slug())
    }

    /// The wizard step whose answers it changes.
    pub fn step(self) -> WizardStep {
        match self {
            ChangePart::Contacts => WizardStep::Contacts,
            ChangePart::Owner => WizardStep::Site,
            ChangePart::Installer | ChangePart::AlarmCentre => WizardStep::System,
        }
    }

    /// The inputs it asks, in page order: a part of its step's.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            ChangePart::Contacts => ContactsStep::ORDER,
            ChangePart::Owner => OWNER_FIELDS,
            ChangePart::Installer => INSTALLER_FIELDS,
            ChangePart::AlarmCentre => ALARM_CENTRE_FIELDS,
        }
    }

    /// The agent's refusal reason input for a report of this part (one waits per part).
    pub fn reason_field(self) -> &'static str {
        match self {
            ChangePart::Contacts => "reason_contacts",
            ChangePart::Owner => "reason_owner",
            ChangePart::Installer => "reason_installer",
            ChangePart::AlarmCentre => "reason_alarm_centre",
        }
    }

    /// The part's values among a step's answers.
    pub fn values_in(self, answers: &StepValues) -> StepValues {
        answers
            .iter()
            .filter(|(name, _)| self.fields().contains(&name.as_str()))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect()
    }

    /// The proposed values checked with the step's own rules, the rest of the step being as
    /// it is now (an alarm centre's licence is required with its name, whichever changes):
    /// the part's canonical values, or the messages for the part's inputs.
    pub fn check(
        self,
        current: &StepValues,
        proposed: &StepValues,
    ) -> Result<StepValues, FieldErrors> {
        let canonical = self.check_rules(current, proposed)?;
        if canonical == self.values_in(current) {
            return Err(FieldErrors::single(
                self.fields()[0],
                "change-nothing-changed",
            ));
        }
        Ok(canonical)
    }

    /// [`ChangePart::check`] without "nothing changed": what the page checks as a field is left.
    pub fn check_rules(
        self,
        current: &StepValues,
        proposed: &StepValues,
    ) -> Result<StepValues, FieldErrors> {
        let mut merged: StepValues = current
            .iter()
            .filter(|(name, _)| !self.fields().contains(&name.as_str()))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        for field in self.fields() {
            if let Some(value) = proposed.get(*field) {
                merged.insert((*field).to_owned(), value.clone());
            }
        }
        match self.step().check(&merged) {
            Ok(canonical) => Ok(self.values_in(&canonical)),
            Err(errors) => {
                let ours = errors.only(self.fields());
                if ours.is_empty() {
                    // Only answers outside the part fail (a rule that came after the approval):
                    // not the applicant's to mend here; the part itself passed.
                    Ok(self.values_in(&merged))
                } else {
                    Err(ours)
                }
            }
        }
    }

    /// The step's answers with the part replaced by `values`.
    pub fn apply(self, answers: &mut BTreeMap<String, StepValues>, values: &StepValues) {
        let step = answers.entry(self.step().slug().to_owned()).or_default();
        step.retain(|name, _| !self.fields().contains(&name.as_str()));
        step.extend(values.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
}

/// Where a change report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeStatus {
    /// Waiting for an agent.
    Submitted,
    /// Applied to the site's data.
    Accepted,
    Refused,
}

impl ChangeStatus {
    pub const ALL: [ChangeStatus; 3] = [
        ChangeStatus::Submitted,
        ChangeStatus::Accepted,
        ChangeStatus::Refused,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ChangeStatus::Submitted => "submitted",
            ChangeStatus::Accepted => "accepted",
            ChangeStatus::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<ChangeStatus> {
        ChangeStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn message_id(self) -> String {
        format!("change-status-{}", self.code())
    }
}

/// One change report, as both sides see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteChange {
    pub id: String,
    pub part: ChangePart,
    /// The part's new values, checked when they were sent.
    pub proposed: StepValues,
    pub status: ChangeStatus,
    pub submitted_at: String,
    /// Who sent it, by name.
    pub submitted_by: String,
    pub decided_at: Option<String>,
    pub refusal_reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::step_form::CHECKED;

    use crate::model::step_form::values_of as values;

    fn system() -> StepValues {
        values(&[
            ("alarm_passive", CHECKED),
            ("installer_company", "Sécurité Nord"),
            ("installer_trade", "electronics"),
            ("installer_authorisation", "10023456"),
            ("certificate_date", "2025-03-01"),
            ("post_request", "no"),
        ])
    }

    #[test]
    fn every_part_asks_inputs_of_its_step_in_its_order() {
        for part in ChangePart::ALL {
            let order = part.step().order();
            let positions: Vec<usize> = part
                .fields()
                .iter()
                .map(|f| order.iter().position(|o| o == f).expect("a step input"))
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{part:?}");
            assert_eq!(ChangePart::from_code(part.code()), Some(part));
            assert_eq!(ChangePart::from_slug(part.slug()), Some(part));
        }
    }

    #[test]
    fn an_alarm_centre_is_checked_with_the_rest_of_its_step() {
        let part = ChangePart::AlarmCentre;
        let errors = part
            .check(&system(), &values(&[("alarm_centre_name", "Centrale Est")]))
            .unwrap_err();
        assert_eq!(
            errors.iter().next().unwrap().code,
            "alarm-centre-licence-required"
        );
        let new = part
            .check(
                &system(),
                &values(&[
                    ("alarm_centre_name", "  Centrale Est "),
                    ("alarm_centre_licence", "L-123"),
                ]),
            )
            .unwrap();
        assert_eq!(new.get("alarm_centre_name").unwrap(), "Centrale Est");
        assert_eq!(new.len(), 2, "only the part's values: {new:?}");
    }

    #[test]
    fn a_report_that_changes_nothing_is_refused() {
        let part = ChangePart::Installer;
        let same = part.values_in(&system());
        let errors = part.check(&system(), &same).unwrap_err();
        assert_eq!(errors.iter().next().unwrap().code, "change-nothing-changed");
    }

    #[test]
    fn the_installers_rules_apply_and_accepting_replaces_only_the_part() {
        let part = ChangePart::Installer;
        let mut proposed = part.values_in(&system());
        proposed.insert("installer_authorisation".into(), "12".into());
        let errors = part.check(&system(), &proposed).unwrap_err();
        assert_eq!(
            errors.iter().next().unwrap().field,
            "installer_authorisation"
        );
        proposed.insert("installer_company".into(), "Alarmes Sud".into());
        proposed.insert("installer_authorisation".into(), "10099999".into());
        let new = part.check(&system(), &proposed).unwrap();
        let mut answers = BTreeMap::from([("systeme".to_owned(), system())]);
        part.apply(&mut answers, &new);
        let step = &answers["systeme"];
        assert_eq!(step["installer_company"], "Alarmes Sud");
        assert_eq!(step["alarm_passive"], CHECKED, "the rest of the step stays");
    }

    #[test]
    fn contacts_are_replaced_as_a_whole() {
        let person = |n: u32, name: &str| {
            [
                (format!("contact{n}_family_name"), name.to_owned()),
                (format!("contact{n}_given_name"), "Anne".to_owned()),
                (
                    format!("contact{n}_domicile"),
                    "Esch-sur-Alzette".to_owned(),
                ),
                (format!("contact{n}_phone"), "621 123 456".to_owned()),
                (format!("contact{n}_consent"), CHECKED.to_owned()),
            ]
        };
        let current: StepValues = person(1, "Muller")
            .into_iter()
            .chain(person(2, "Weber"))
            .chain(person(3, "Klein"))
            .collect();
        let proposed: StepValues = person(1, "Muller")
            .into_iter()
            .chain(person(2, "Schmit"))
            .collect();
        let new = ChangePart::Contacts.check(&current, &proposed).unwrap();
        let mut answers = BTreeMap::from([("contacts".to_owned(), current)]);
        ChangePart::Contacts.apply(&mut answers, &new);
        let step = &answers["contacts"];
        assert_eq!(step["contact2_family_name"], "Schmit");
        assert!(
            !step.contains_key("contact3_family_name"),
            "the third one left"
        );
    }

    #[test]
    fn every_part_status_and_notice_has_words_in_three_languages() {
        use crate::i18n::{catalog::has_message, Locale};
        use crate::model::after_connection::NoticeKind;
        let mut ids: Vec<String> = ChangePart::ALL.iter().map(|p| p.title_id()).collect();
        ids.extend(ChangeStatus::ALL.iter().map(|s| s.message_id()));
        ids.extend(NoticeKind::ALL.iter().map(|k| k.subject_id()));
        ids.extend(super::super::YearlyCheck::ALL.iter().map(|c| c.title_id()));
        // The day of a check or of a false alert, wrong in each way `check_done_on` reports.
        for what in ["check", "alert"] {
            for code in ["date-required", "date-format", "date-in-future"] {
                ids.push(format!("error-{what}-{code}"));
            }
        }
        ids.push("error-check-before-connection".to_owned());
        for locale in Locale::ALL {
            for id in &ids {
                assert!(has_message(locale, id), "{}: {id}", locale.code());
            }
        }
        for status in ChangeStatus::ALL {
            assert_eq!(ChangeStatus::from_code(status.code()), Some(status));
        }
        for kind in NoticeKind::ALL {
            assert_eq!(NoticeKind::from_code(kind.code()), Some(kind));
        }
    }
}
