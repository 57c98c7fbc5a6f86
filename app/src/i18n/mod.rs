//! Every word a person reads comes from here: `locales/{fr,de,en}.ftl` through Fluent.

pub mod catalog;
mod locale;

pub use fluent_bundle::FluentArgs;
pub use locale::{Locale, LANGUAGE_COOKIE};

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

    /// A file size with its unit in the page's language: "2.4 Mo", "830 kB".
    pub fn size(self, bytes: u64) -> String {
        let (number, unit) = crate::model::connection::human_size(bytes);
        let mut args = FluentArgs::new();
        args.set("n", number);
        self.t_with(unit, &args)
    }

    /// A stored RFC 3339 UTC time as people read it here: day first, to the minute
    /// ("24.11.2026 14:05 UTC"); what is not such a time is shown as it is.
    pub fn date_time(self, stamp: &str) -> String {
        match (stamp.get(..10), stamp.get(11..16)) {
            (Some(_), Some(time)) => format!("{} {time} UTC", self.date(stamp)),
            _ => stamp.to_owned(),
        }
    }

    /// The day of a stored time or date, day first ("24.11.2026").
    pub fn date(self, stamp: &str) -> String {
        match (stamp.get(..4), stamp.get(5..7), stamp.get(8..10)) {
            (Some(y), Some(m), Some(d)) => format!("{d}.{m}.{y}"),
            _ => stamp.to_owned(),
        }
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
    use http::header::{ACCEPT_LANGUAGE, COOKIE};

    let cookie = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == LANGUAGE_COOKIE).then_some(value)
        });
    let accept = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    Locale::for_request(cookie, accept)
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
    fn times_read_day_first_to_the_minute() {
        let i18n = I18n::default();
        assert_eq!(
            i18n.date_time("2026-11-24T14:05:09Z"),
            "24.11.2026 14:05 UTC"
        );
        assert_eq!(i18n.date("2026-11-24T14:05:09Z"), "24.11.2026");
        assert_eq!(i18n.date("2026-11-24"), "24.11.2026");
        assert_eq!(i18n.date_time(""), "");
    }
}
