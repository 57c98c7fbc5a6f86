//! The Police's letter that carries a certification code to the business, by post, in the
//! language the applicant chose.

use app::i18n::{FluentArgs, I18n, Locale};
use app::model::WizardStep;

use crate::pdf::{write_pdf, Line};
use crate::store::certification::IssuedLetter;

/// The letter's PDF. The code is printed in groups of four in a fixed-width font.
pub fn render(letter: &IssuedLetter) -> Vec<u8> {
    let request = &letter.request;
    let answer = |field: &str| {
        request
            .answer(WizardStep::PostalAddress, field)
            .unwrap_or_default()
            .to_owned()
    };
    let locale = Locale::from_tag(&answer("letter_language")).unwrap_or(Locale::Fr);
    let i18n = I18n { locale };
    let mut args = FluentArgs::new();
    args.set("reference", request.reference.clone().unwrap_or_default());
    args.set("company", request.company.company_name.clone());
    args.set("expires", i18n.date(&letter.expires_at));
    args.set(
        "client",
        request
            .answer(WizardStep::Client, "client_number")
            .unwrap_or_default()
            .to_owned(),
    );
    let mut lines = vec![
        Line::Bold(i18n.t("letter-sender")),
        Line::Text(i18n.t("letter-sender-unit")),
        Line::Text(i18n.t("letter-sender-contact")),
        Line::Gap,
        Line::Gap,
        Line::Text(request.company.company_name.clone()),
    ];
    let recipient = answer("letter_recipient");
    if !recipient.is_empty() {
        let mut to = FluentArgs::new();
        to.set("name", recipient);
        lines.push(Line::Text(i18n.t_with("letter-attention", &to)));
    }
    lines.extend([
        Line::Text(format!(
            "{} {}",
            answer("letter_house_number"),
            answer("letter_street")
        )),
        Line::Text(format!(
            "{} {}",
            answer("letter_postcode"),
            answer("letter_locality")
        )),
        Line::Text("Luxembourg".to_owned()),
        Line::Gap,
        Line::Text(format!(
            "{} {}",
            i18n.t("letter-date"),
            i18n.date(&letter.issued_at)
        )),
        Line::Gap,
        Line::Heading(i18n.t_with("letter-subject", &args)),
        Line::Text(i18n.t("letter-salutation")),
        Line::Text(i18n.t_with("letter-body-approved", &args)),
        Line::Gap,
        Line::Text(i18n.t("letter-code-label")),
        Line::Code(letter.token.grouped()),
        Line::Text(i18n.t_with("letter-body-how", &args)),
        Line::Gap,
        Line::Text(i18n.t_with("letter-body-once", &args)),
        Line::Gap,
        Line::Text(i18n.t("letter-body-unexpected")),
        Line::Gap,
        Line::Text(i18n.t("letter-closing")),
        Line::Bold(i18n.t("letter-sender")),
    ]);
    write_pdf(&lines, &i18n.t_with("letter-subject", &args))
}
