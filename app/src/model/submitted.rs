//! A form posted without JavaScript that did not pass: the server renders the page again with
//! what was typed and the messages, so nothing is lost.

use serde::{Deserialize, Serialize};

use super::FieldErrors;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted<T> {
    pub form: T,
    pub errors: FieldErrors,
}

impl<T: Clone + Send + Sync + 'static> Submitted<T> {
    /// The form the server received without JavaScript, when it renders the page again; always
    /// `None` in the browser, which starts from what the server rendered.
    pub fn from_server() -> Option<Submitted<T>> {
        #[cfg(feature = "ssr")]
        {
            leptos::prelude::use_context::<Submitted<T>>()
        }
        #[cfg(not(feature = "ssr"))]
        {
            None
        }
    }
}
