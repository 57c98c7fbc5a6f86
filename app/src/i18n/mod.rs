//! Every word a person reads comes from here: `locales/{fr,de,en}.ftl` through Fluent.

pub mod catalog;
mod dates;
mod locale;

pub use dates::LocalTime;
pub use fluent_bundle::FluentArgs;
pub use locale::{Locale, PerLocale, LANGUAGE_COOKIE};

use leptos::prelude::*;

/// The page's language, in context for every component. A language change is a full page
/// load (it works without JavaScript), so this never changes during a page's life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct I18n {
    pub locale: Locale,
}

impl I18n {
    /// The text of message `id`.
    pub fn t(self, id: &str) -> String {
        catalog::translate(self.locale, id, None)
    }

    /// The message of a validation failure, numbered when it belongs to one of several groups.
    pub fn field_message(self, error: &crate::model::FieldError) -> String {
        match error.n {
            Some(n) => {
                let mut args = FluentArgs::new();
                args.set("n", n);
                self.t_with(&error.message_id(), &args)
            }
            None => self.t(&error.message_id()),
        }
    }

    /// A file size with its unit in the page's language: "2,4 Mo", "2.4 MB", "830 kB".
    pub fn size(self, bytes: u64) -> String {
        let (number, unit) = crate::model::connection::human_size(bytes);
        let mut args = FluentArgs::new();
        args.set("n", self.decimal(&number));
        self.t_with(unit, &args)
    }

    /// A number written with a point ("2.4", "1234.50") as the page's language writes it.
    pub fn decimal(self, number: &str) -> String {
        number.replace('.', &self.locale.decimal_separator().to_string())
    }

    /// A stored RFC 3339 UTC time on Luxembourg's clock, in words of the page's language
    /// ("24 novembre 2026 à 15:05", "24. November 2026, 15:05 Uhr"); a date alone as `date`
    /// does; what is not such a time is shown as it is.
    pub fn date_time(self, stamp: &str) -> String {
        let Some(local) = dates::LocalTime::parse(stamp) else {
            return stamp.to_owned();
        };
        let Some((hour, minute)) = local.time else {
            return self.date(stamp);
        };
        let mut args = FluentArgs::new();
        args.set("date", self.long_date(local));
        args.set("time", format!("{hour:02}:{minute:02}"));
        self.t_with("date-time-long", &args)
    }

    /// The day of a stored time or date, in words ("24 novembre 2026", "24. November 2026").
    pub fn date(self, stamp: &str) -> String {
        dates::LocalTime::parse(stamp)
            .map_or_else(|| stamp.to_owned(), |local| self.long_date(local))
    }

    fn long_date(self, local: dates::LocalTime) -> String {
        let mut args = FluentArgs::new();
        args.set("day", local.day);
        args.set("month", self.t(&format!("month-{}", local.month)));
        args.set("year", local.year.to_string());
        self.t_with("date-long", &args)
    }

    /// The text of message `id` with its Fluent arguments.
    pub fn t_with(self, id: &str, args: &FluentArgs) -> String {
        catalog::translate(self.locale, id, Some(args))
    }
}

/// Puts the page's language into context; called once, by the `App` component.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        locale: current_locale(),
    };
    provide_context(i18n);
    i18n
}

/// The page's language, for any component below `App`.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_default()
}

/// The language of the request being rendered: cookie, then `Accept-Language`, then French.
#[cfg(feature = "ssr")]
pub fn current_locale() -> Locale {
    match use_context::<http::request::Parts>() {
        Some(parts) => locale_of_request(&parts.headers),
        None => Locale::default(),
    }
}

/// The language a request asks for: the cookie, then `Accept-Language`, then French.
#[cfg(feature = "ssr")]
pub fn locale_of_request(headers: &http::HeaderMap) -> Locale {
    let accept = headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    Locale::for_request(language_cookie(headers), accept)
}

/// The value of the language cookie a request carries: what the person chose in this browser.
#[cfg(feature = "ssr")]
pub fn language_cookie(headers: &http::HeaderMap) -> Option<&str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == LANGUAGE_COOKIE).then_some(value)
        })
}

/// In the browser the server already chose: it wrote the choice into `<html lang>`.
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
pub fn current_locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|lang| Locale::from_tag(&lang))
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
pub fn current_locale() -> Locale {
    Locale::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_in_words_on_luxembourgs_clock() {
        let fr = I18n { locale: Locale::Fr };
        let de = I18n { locale: Locale::De };
        let en = I18n { locale: Locale::En };
        assert_eq!(
            fr.date_time("2026-11-24T14:05:09Z"),
            "24 novembre 2026 à 15:05"
        );
        assert_eq!(
            de.date_time("2026-11-24T14:05:09Z"),
            "24. November 2026, 15:05 Uhr"
        );
        assert_eq!(en.date_time("2026-07-01T08:30:00Z"), "1 July 2026 at 10:30");
        assert_eq!(fr.date("2026-07-01"), "1er juillet 2026");
        assert_eq!(fr.date("2026-02-03T23:30:00Z"), "4 février 2026");
        assert_eq!(de.date("2026-03-24"), "24. März 2026");
        assert_eq!(en.date_time("2026-11-24"), "24 November 2026");
        assert_eq!(fr.date_time(""), "");
        assert_eq!(fr.date("garbled"), "garbled");
    }

    #[test]
    fn sizes_use_the_languages_decimal_mark() {
        let fr = I18n { locale: Locale::Fr };
        let de = I18n { locale: Locale::De };
        let en = I18n { locale: Locale::En };
        assert_eq!(fr.size(2_400_000), "2,4 Mo");
        assert_eq!(de.size(2_400_000), "2,4 MB");
        assert_eq!(en.size(2_400_000), "2.4 MB");
        assert_eq!(en.size(830_000), "830 kB");
    }
}
