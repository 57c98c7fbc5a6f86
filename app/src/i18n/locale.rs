//! The portal's languages and how one is chosen for a request.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language the portal is written in. French is the default: it is the language of the
/// administration and of the source texts (R2005, the procedure page).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Fr,
    De,
    En,
}

/// One value per language, made the first time that language asks for it and kept for the
/// process's life: the catalogues, and what is built from them once per language.
pub struct PerLocale<T>([OnceLock<T>; 3]);

impl<T> PerLocale<T> {
    pub const fn new() -> PerLocale<T> {
        PerLocale([OnceLock::new(), OnceLock::new(), OnceLock::new()])
    }

    pub fn get_or_init(&self, locale: Locale, init: impl FnOnce() -> T) -> &T {
        let slot = match locale {
            Locale::Fr => &self.0[0],
            Locale::De => &self.0[1],
            Locale::En => &self.0[2],
        };
        slot.get_or_init(init)
    }
}

impl<T> Default for PerLocale<T> {
    fn default() -> PerLocale<T> {
        PerLocale::new()
    }
}

/// The cookie that keeps the person's language choice across visits.
pub const LANGUAGE_COOKIE: &str = "alarmis_lang";

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Fr, Locale::De, Locale::En];

    /// The BCP 47 primary language subtag, as used in `lang` attributes and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    /// The mark between a number's whole part and its fraction: "2,4" in French and German.
    pub fn decimal_separator(self) -> char {
        match self {
            Locale::Fr | Locale::De => ',',
            Locale::En => '.',
        }
    }

    /// The language's own name for itself: a language switch must be readable by someone who
    /// does not understand the current page's language.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::De => "Deutsch",
            Locale::En => "English",
        }
    }

    /// Reads a language tag such as `fr`, `de-LU` or `EN-gb`; `None` for a language we do not offer.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Picks the best offered language from an `Accept-Language` header value, honouring
    /// quality weights; `None` when the header names none of ours.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(Locale, f32)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let Some(locale) = parts.next().and_then(Locale::from_tag) else {
                continue;
            };
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
                best = Some((locale, quality));
            }
        }
        best.map(|(locale, _)| locale)
    }

    /// The language for a request: the person's saved choice, else the browser's preference,
    /// else French.
    pub fn for_request(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        cookie
            .and_then(Locale::from_tag)
            .or_else(|| accept_language.and_then(Locale::negotiate))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_with_regions_and_any_case() {
        assert_eq!(Locale::from_tag("de-LU"), Some(Locale::De));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("lb"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn negotiation_follows_quality_weights() {
        assert_eq!(
            Locale::negotiate("lb, de;q=0.8, en;q=0.9"),
            Some(Locale::En)
        );
        assert_eq!(Locale::negotiate("pt-PT, de-DE;q=0.5"), Some(Locale::De));
        assert_eq!(Locale::negotiate("en;q=0, pt"), None);
        assert_eq!(Locale::negotiate("garbage;;;"), None);
    }

    #[test]
    fn cookie_beats_header_and_french_is_the_default() {
        assert_eq!(Locale::for_request(Some("en"), Some("de")), Locale::En);
        assert_eq!(Locale::for_request(Some("xx"), Some("de")), Locale::De);
        assert_eq!(Locale::for_request(None, None), Locale::Fr);
    }
}
