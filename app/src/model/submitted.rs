//! A form posted without JavaScript that did not pass: the server renders the page again with
//! what was typed and the messages, so nothing is lost.

use serde::{Deserialize, Serialize};

use super::FieldErrors;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted<T> {
    pub form: T,
    pub errors: FieldErrors,
}
