//! The actions the portal limits per person or per address, and the address of the page that
//! says so. The server counts; this names what was limited, for the page and its words.

use std::fmt;

/// An action that may only be repeated so often in a time window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LimitedAction {
    /// Starting a sign-in or coming back from the provider, per network address.
    SignIn,
    /// Typing a certification code from a letter, per person.
    CodeAttempt,
    /// Sending a file, per person.
    Upload,
}

/// Where the refusal is explained: a page of its own, shown at the refused address.
pub use crate::paths::TOO_MANY_ATTEMPTS as TOO_MANY_PATH;

impl LimitedAction {
    pub const ALL: [LimitedAction; 3] = [
        LimitedAction::SignIn,
        LimitedAction::CodeAttempt,
        LimitedAction::Upload,
    ];

    /// The word in the page's address and in the counters' keys.
    pub fn code(self) -> &'static str {
        match self {
            LimitedAction::SignIn => "connexion",
            LimitedAction::CodeAttempt => "code",
            LimitedAction::Upload => "envoi",
        }
    }

    pub fn from_code(code: &str) -> Option<LimitedAction> {
        LimitedAction::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The catalogue id of the sentence that says what was limited and why.
    pub fn message_id(self) -> &'static str {
        match self {
            LimitedAction::SignIn => "too-many-sign-in",
            LimitedAction::CodeAttempt => "too-many-code",
            LimitedAction::Upload => "too-many-upload",
        }
    }

    /// The page's address: what was limited, whole minutes to wait (at least one), and the
    /// page to go back to (a path of this portal; anything else is dropped).
    pub fn page_address(self, wait_seconds: u64, back: &str) -> String {
        let minutes = wait_seconds.div_ceil(60).max(1);
        let mut address = format!("{TOO_MANY_PATH}?quoi={}&minutes={minutes}", self.code());
        if let Some(back) = local_path(back) {
            address.push_str("&retour=");
            address.push_str(&urlencoding_path(back));
        }
        address
    }
}

impl fmt::Display for LimitedAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `path` when it is a path of this site (`/…`, not `//host/…` nor `/\host`), else `None`: a
/// link built from an address must not lead elsewhere.
pub fn local_path(path: &str) -> Option<&str> {
    let rest = path.strip_prefix('/')?;
    if rest.starts_with('/') || rest.starts_with('\\') || path.chars().any(char::is_control) {
        return None;
    }
    Some(path)
}

/// Percent-encodes what a query value cannot hold as is (paths here are ASCII ids and words).
fn urlencoding_path(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_code() {
        for action in LimitedAction::ALL {
            assert_eq!(LimitedAction::from_code(action.code()), Some(action));
        }
        assert_eq!(LimitedAction::from_code("other"), None);
    }

    #[test]
    fn the_address_rounds_the_wait_up_to_whole_minutes() {
        assert_eq!(
            LimitedAction::SignIn.page_address(61, "/"),
            "/trop-de-tentatives?quoi=connexion&minutes=2&retour=/"
        );
        assert_eq!(
            LimitedAction::Upload.page_address(0, "/espace/entreprises/a b"),
            "/trop-de-tentatives?quoi=envoi&minutes=1&retour=/espace/entreprises/a%20b"
        );
    }

    #[test]
    fn the_way_back_stays_on_this_site() {
        assert_eq!(local_path("/espace"), Some("/espace"));
        for elsewhere in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "",
            "/a\nb",
        ] {
            assert_eq!(local_path(elsewhere), None, "{elsewhere:?}");
        }
        assert!(!LimitedAction::CodeAttempt
            .page_address(60, "//evil.example")
            .contains("retour"));
    }
}
