//! The messages of a form the server answered, as GOV.UK's pattern shows them: each field's
//! message under it, all of them in the summary at the top (which takes focus) and "Error:" in
//! the page's title (the page's own flag). In the browser, the form-check island writes the same
//! markup as the person leaves a field (islands/form_dom.rs).

use leptos::prelude::*;

use crate::i18n::I18n;
use crate::model::FieldErrors;

#[derive(Clone, Copy)]
pub struct FormMessages {
    errors: StoredValue<FieldErrors>,
}

impl FormMessages {
    /// The server's errors for a form sent back (none on a first visit).
    pub fn new(errors: FieldErrors) -> FormMessages {
        FormMessages {
            errors: StoredValue::new(errors),
        }
    }

    /// What the error summary lists.
    pub fn summary(self) -> FieldErrors {
        self.errors.get_value()
    }

    /// The message under `field`, in the page's language.
    pub fn message_for(self, i18n: I18n, field: &str) -> Option<String> {
        self.errors
            .with_value(|errors| errors.for_field(field).map(|e| i18n.field_message(e)))
    }
}
