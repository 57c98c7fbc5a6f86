//! The Police's letter that carries a certification code to the business, by post, in the
//! language the applicant chose.

use app::i18n::{FluentArgs, I18n, Locale};

use crate::pdf::{write_pdf, Line};
use crate::store::certification::IssuedLetter;

/// The letter's PDF. The code is printed in groups of four in a fixed-width font.
pub fn render(letter: &IssuedLetter) -> Vec<u8> {
    let request = &letter.request;
    let to = request.letter_address();
    let locale = to.as_ref().map_or(Locale::Fr, |to| to.language);
    let i18n = I18n { locale };
    let mut args = FluentArgs::new();
    args.set("reference", request.reference.clone().unwrap_or_default());
    args.set("company", request.company.company_name.clone());
    args.set("expires", i18n.date(&letter.expires_at));
    args.set(
        "client",
        request
            .client_number()
            .map(|number| number.to_string())
            .unwrap_or_default(),
    );
    let mut lines = vec![
        Line::Bold(i18n.t("letter-sender")),
        Line::Text(i18n.t("letter-sender-unit")),
        Line::Text(i18n.t("letter-sender-contact")),
        Line::Gap,
        Line::Gap,
        Line::Text(request.company.company_name.clone()),
    ];
    if let Some(recipient) = to.as_ref().and_then(|to| to.recipient.clone()) {
        let mut attention = FluentArgs::new();
        attention.set("name", recipient);
        lines.push(Line::Text(i18n.t_with("letter-attention", &attention)));
    }
    if let Some(to) = &to {
        lines.extend([
            Line::Text(to.address.street_line()),
            Line::Text(to.address.locality_line()),
        ]);
    }
    lines.extend([
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
