//! The form check's words: every validation message in the page's language, built from the
//! catalogue on the server and carried to the browser in a `<template>` beside the form
//! (`FormChecked`), where the island reads them back (`form_dom`).

use std::collections::BTreeMap;

use crate::i18n::{catalog, FluentArgs, Locale, PerLocale};
use crate::model::connection::CONTACT_SLOTS;

/// The words the island may need, in the page's language, rendered on the server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormCheckTexts {
    /// Read before each message by screen readers ("Erreur :").
    pub error_prefix: String,
    /// Put before the page's title while the summary shows ("Erreur :").
    pub title_prefix: String,
    /// The summary's heading ("Il y a un problème").
    pub summary_title: String,
    /// Each validation message by its code; a numbered one (`contact-phone-format#2`) by its
    /// code and the number of its group, as the server words it for that group.
    pub messages: BTreeMap<String, String>,
}

impl FormCheckTexts {
    /// The key of a failure's message in [`FormCheckTexts::messages`].
    pub fn key(code: &str, n: Option<u32>) -> String {
        match n {
            Some(n) => format!("{code}#{n}"),
            None => code.to_owned(),
        }
    }

    /// Every validation message of the catalogue in `locale`. The rules' codes are built at
    /// run time (`text_rule!`), so no list of a form's codes exists to choose from; all of
    /// them are about 12 kB of text, 3 kB once compressed with the page.
    pub fn for_locale(locale: Locale) -> &'static FormCheckTexts {
        static TEXTS: PerLocale<FormCheckTexts> = PerLocale::new();
        TEXTS.get_or_init(locale, || FormCheckTexts::build(locale))
    }

    fn build(locale: Locale) -> FormCheckTexts {
        let mut messages = BTreeMap::new();
        for id in catalog::message_ids(locale) {
            let Some(code) = id.strip_prefix("error-") else {
                continue;
            };
            if NOT_CODES.contains(&code) {
                continue;
            }
            let numbered = |n: u32| {
                let mut args = FluentArgs::new();
                args.set("n", n);
                catalog::translate(locale, id, Some(&args))
            };
            if numbered(1) == numbered(2) {
                messages.insert(code.to_owned(), catalog::translate(locale, id, None));
            } else {
                for n in 1..=CONTACT_SLOTS {
                    messages.insert(FormCheckTexts::key(code, Some(n)), numbered(n));
                }
            }
        }
        FormCheckTexts {
            error_prefix: catalog::translate(locale, "error-prefix", None),
            title_prefix: catalog::translate(locale, "error-title-prefix", None),
            summary_title: catalog::translate(locale, "error-summary-title", None),
            messages,
        }
    }
}

/// Messages named `error-…` that are words of the pattern, not failures of a rule.
const NOT_CODES: [&str; 3] = ["prefix", "title-prefix", "summary-title"];

/// The attribute of the `<template>` that holds a checked form's words, as `FormChecked`
/// writes it; its value is the form's id.
#[cfg(feature = "hydrate")]
pub(super) const CHECKS_FORM: &str = "data-checks-form";

/// The messages as the `<template>`'s content, a `<p data-key>` each, escaped and joined once
/// per language: a checked page copies about 12 kB instead of rendering two hundred elements
/// on every request (`bench/render`).
pub(super) fn messages_html(locale: Locale) -> &'static str {
    static HTML: PerLocale<String> = PerLocale::new();
    HTML.get_or_init(locale, || {
        let mut html = String::new();
        for (key, text) in &FormCheckTexts::for_locale(locale).messages {
            html.push_str("<p data-key=\"");
            html.push_str(&html_escape::encode_double_quoted_attribute(key));
            html.push_str("\">");
            html.push_str(&html_escape::encode_text(text));
            html.push_str("</p>");
        }
        html
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::FileFault;
    use crate::model::{CheckedForm, FieldError, StepValues, WizardStep};

    /// Every message a rule gives for typical mistakes is in the island's table, in every
    /// language: the browser never has a failure it cannot word.
    #[test]
    fn the_template_holds_each_message_escaped_once() {
        let html = messages_html(Locale::Fr);
        let texts = FormCheckTexts::for_locale(Locale::Fr);
        assert_eq!(html.matches("<p data-key=").count(), texts.messages.len());
        let phone = &texts.messages["contact-phone-format#2"];
        let escaped = html_escape::encode_text(phone);
        assert!(html.contains(&format!(
            "<p data-key=\"contact-phone-format#2\">{escaped}</p>"
        )));
        // Apostrophes and the like stay text: nothing a message holds can open a tag.
        assert!(!html
            .replace("<p data-key=", "")
            .replace("</p>", "")
            .contains('<'));
    }

    #[test]
    fn the_table_words_every_failure_of_every_checked_form() {
        let mut forms = vec![
            CheckedForm::NewBusiness,
            CheckedForm::CertificationCode,
            CheckedForm::Upload,
        ];
        forms.extend(
            crate::model::Procedure::ALL
                .into_iter()
                .flat_map(|p| p.steps().iter().copied())
                .filter(|s: &WizardStep| s.is_form())
                .map(CheckedForm::Step),
        );
        for locale in Locale::ALL {
            let texts = FormCheckTexts::for_locale(locale);
            for fault in [
                FileFault::Missing,
                FileFault::WrongType,
                FileFault::TooLarge,
            ] {
                assert!(texts.messages.contains_key(fault.code()), "{fault:?}");
            }
            for form in &forms {
                for probe in ["", "x", "<b>", "12", &"x".repeat(600), "2000-01-01", "on"] {
                    let values: StepValues = form
                        .order()
                        .iter()
                        .map(|f| ((*f).to_owned(), probe.to_owned()))
                        .collect();
                    for FieldError { code, n, field } in form.errors(&values).iter() {
                        assert!(
                            texts.messages.contains_key(&FormCheckTexts::key(code, *n)),
                            "{form:?} {field}: no {} message for {code} (n {n:?})",
                            locale.code()
                        );
                    }
                }
            }
        }
    }
}
