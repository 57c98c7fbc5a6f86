//! The translation catalogue: one Fluent file per language, compiled into the server binary so
//! that no page waits for a file (the browser gets none: its islands get their words in the page).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::{Locale, PerLocale};

fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => include_str!("../../locales/fr.ftl"),
        Locale::De => include_str!("../../locales/de.ftl"),
        Locale::En => include_str!("../../locales/en.ftl"),
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(locale: Locale) -> &'static Bundle {
    static BUNDLES: PerLocale<Bundle> = PerLocale::new();
    BUNDLES.get_or_init(locale, || build_bundle(locale))
}

fn build_bundle(locale: Locale) -> Bundle {
    // The files are part of the source tree and checked by the tests below, so a syntax error
    // cannot reach a running portal; keep what parsed rather than fail a page.
    let resource = match FluentResource::try_new(source(locale).to_owned()) {
        Ok(resource) => resource,
        Err((partial, _errors)) => partial,
    };
    let lang = locale
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Unicode isolation marks help right-to-left text, which none of our languages is, and
    // they would end up inside copied reference numbers and e-mail addresses.
    bundle.set_use_isolating(false);
    // Ignoring the error: it only reports ids defined twice, which the parity test forbids.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The text of message `id` in `locale`, with `args` filled in. An unknown id renders as the
/// id itself, so a missing translation is visible on the page instead of silently empty.
pub fn translate(locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle(locale);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// The ids of `locale`'s messages, in file order: every line that starts a message
/// (`id = …` at the start of a line; attributes, variants and comments are indented or `#`).
pub fn message_ids(locale: Locale) -> impl Iterator<Item = &'static str> {
    source(locale).lines().filter_map(|line| {
        let (id, _) = line.split_once(" =")?;
        let starts_message = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        (starts_message && !id.contains(char::is_whitespace)).then_some(id)
    })
}

/// Whether `id` exists in `locale`'s catalogue.
pub fn has_message(locale: Locale, id: &str) -> bool {
    bundle(locale).has_message(id)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};

    use super::*;

    fn ids(locale: Locale) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source(locale).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", locale.code()));
        resource
            .entries()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_quick_list_of_ids_is_the_parsers_list() {
        for locale in Locale::ALL {
            let quick: BTreeSet<String> = message_ids(locale).map(str::to_owned).collect();
            assert_eq!(quick, ids(locale), "{}", locale.code());
        }
    }

    #[test]
    fn every_language_has_exactly_the_same_messages() {
        let reference = ids(Locale::Fr);
        assert!(reference.len() > 20, "the French catalogue looks truncated");
        for locale in [Locale::De, Locale::En] {
            let other = ids(locale);
            let missing: Vec<_> = reference.difference(&other).collect();
            let extra: Vec<_> = other.difference(&reference).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in French {extra:?}",
                locale.code()
            );
        }
    }

    /// The words of a message as written in its file (its variants' too), placeables aside.
    fn written_text<'s>(pattern: &Pattern<&'s str>, out: &mut Vec<&'s str>) {
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => out.push(value),
                PatternElement::Placeable {
                    expression: Expression::Select { variants, .. },
                } => {
                    for variant in variants {
                        written_text(&variant.value, out);
                    }
                }
                PatternElement::Placeable { .. } => {}
            }
        }
    }

    /// R2005 is named once per language, as a term (`-r2005-short`, and in French the full
    /// title `-r2005`): a message citing it uses the term, so its date cannot drift again (six
    /// messages once gave it as 14 April 2005; it is of 6 May 2005).
    #[test]
    fn the_regulation_is_cited_through_its_term_only() {
        for locale in Locale::ALL {
            let resource =
                FluentResource::try_new(source(locale).to_owned()).unwrap_or_else(|(r, _)| r);
            for entry in resource.entries() {
                let Entry::Message(message) = entry else {
                    continue;
                };
                let mut words = Vec::new();
                if let Some(value) = &message.value {
                    written_text(value, &mut words);
                }
                for attribute in &message.attributes {
                    written_text(&attribute.value, &mut words);
                }
                assert!(
                    !words.iter().any(|w| w.contains("2005")),
                    "{}: {} writes the regulation's date itself instead of {{ -r2005-short }}",
                    locale.code(),
                    message.id.name
                );
            }
            let date = match locale {
                Locale::Fr => "du 6 mai 2005",
                Locale::De => "vom 6. Mai 2005",
                Locale::En => "of 6 May 2005",
            };
            for id in [
                "step-site-intro",
                "step-contacts-intro",
                "step-obligations-intro",
                "connection-approved-next",
                "privacy-basis",
                "change-report-body",
                "false-alerts-body",
            ] {
                let text = translate(locale, id, None);
                assert!(text.contains(date), "{}: {id}: {text}", locale.code());
            }
        }
    }

    /// "No charge" holds for the procedures only: the page that says it also announces that a
    /// false alert's intervention is charged to the owner (R2005 Art. 13).
    #[test]
    fn the_costs_say_no_charge_for_these_procedures_and_who_pays_for_false_alerts() {
        for (locale, procedures, owner) in [
            (
                Locale::Fr,
                "aucun frais pour ces démarches",
                "au propriétaire",
            ),
            (
                Locale::De,
                "für diese Verfahren keine Gebühren",
                "dem Eigentümer",
            ),
            (
                Locale::En,
                "nothing for these procedures",
                "to the building's owner",
            ),
        ] {
            let text = translate(locale, "home-costs-body", None);
            assert!(text.contains(procedures), "{}: {text}", locale.code());
            assert!(
                text.contains(owner) && text.to_lowercase().contains("art. 13"),
                "{}: {text}",
                locale.code()
            );
        }
    }

    /// The law's words (L2002 Art. 1 and 18, R2005 Art. 6, 8, 14): an alarm-receiving centre
    /// (*centre d'alarmes*) is not the control panel (*centrale*); the operations log
    /// (*livret d'exploitation*) is kept by the beneficiary, not by the panel; installers hold a
    /// business permit, Luxembourg has no "approved installer"; the Police *disconnects*; and
    /// the fees' index is the *indice pondéré du coût de la vie* (Art. 13), not the consumer
    /// price index.
    #[test]
    fn the_laws_own_words_are_used() {
        for (locale, wrong) in [
            (
                Locale::Fr,
                &[
                    "centrale d'alarme",
                    "déraccord",
                    "agréé",
                    "prix à la consommation",
                ][..],
            ),
            (
                Locale::De,
                &[
                    "Alarmzentrale",
                    "zugelassenen Installateur",
                    "Zentrale ein",
                    "Verbraucherpreis",
                ][..],
            ),
            (
                Locale::En,
                &[
                    "alarm centre",
                    "approved installer",
                    "control panel keeps",
                    "consumer price",
                ][..],
            ),
        ] {
            for id in message_ids(locale) {
                let text = translate(locale, id, None);
                for word in wrong {
                    assert!(
                        !text.to_lowercase().contains(&word.to_lowercase()),
                        "{}: {id} says {word:?}: {text}",
                        locale.code()
                    );
                }
            }
        }
        assert!(translate(Locale::Fr, "q-alarm-centre", None).contains("Centre d'alarmes"));
        assert!(translate(Locale::Fr, "obligation-log", None).contains("livret d'exploitation"));
    }

    /// R2005 Art. 9 d asks for the contact persons' names and domiciles and sets no number: "at
    /// least two, on site within 30 minutes" is the Police's practice (after the Belgian AR1998
    /// Art. 9), so the pages word it as the Police's request, never as the article's.
    #[test]
    fn the_polices_practice_is_worded_as_its_request() {
        for (locale, asks, police) in [
            (Locale::Fr, "la police demande", "police"),
            (Locale::De, "die polizei bittet", "polizei"),
            (Locale::En, "asks for at least two", "police"),
        ] {
            let intro = translate(locale, "step-contacts-intro", None).to_lowercase();
            assert!(intro.contains(asks), "{}: {intro}", locale.code());
            let mut second = FluentArgs::new();
            second.set("n", 2);
            let minimum = translate(locale, "error-contact-family-name-required", Some(&second))
                .to_lowercase();
            assert!(minimum.contains(asks), "{}: {minimum}", locale.code());
            let consent = translate(locale, "q-contact-consent", None).to_lowercase();
            assert!(consent.contains(police), "{}: {consent}", locale.code());
        }
    }

    #[test]
    fn no_message_is_defined_twice() {
        for locale in Locale::ALL {
            let resource =
                FluentResource::try_new(source(locale).to_owned()).unwrap_or_else(|(r, _)| r);
            let mut seen = BTreeSet::new();
            for entry in resource.entries() {
                if let Entry::Message(m) = entry {
                    assert!(
                        seen.insert(m.id.name),
                        "{}: {} twice",
                        locale.code(),
                        m.id.name
                    );
                }
            }
        }
    }

    #[test]
    fn formats_arguments_without_isolation_marks() {
        let mut args = FluentArgs::new();
        args.set("step", 2);
        args.set("total", 3);
        let text = translate(Locale::En, "step-of", Some(&args));
        assert_eq!(text, "Step 2 of 3");
    }

    #[test]
    fn an_unknown_id_shows_itself() {
        assert_eq!(
            translate(Locale::De, "no-such-message", None),
            "no-such-message"
        );
    }
}
