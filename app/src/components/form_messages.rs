//! The messages of one form, as GOV.UK's pattern shows them: leaving a field shows that field's
//! message; a submit attempt also shows the summary and puts "Error:" in the page title.

use leptos::prelude::*;

use crate::i18n::I18n;
use crate::model::FieldErrors;

#[derive(Clone, Copy)]
pub struct FormMessages {
    shown: RwSignal<FieldErrors>,
    submitted_with_errors: RwSignal<bool>,
    /// The page's flag for its title.
    has_errors: RwSignal<bool>,
    /// The fields in page order, for the summary's order.
    order: &'static [&'static str],
}

impl FormMessages {
    /// Starts from the server's errors (a form sent back without JavaScript), shown in full.
    pub fn new(
        server_errors: FieldErrors,
        has_errors: RwSignal<bool>,
        order: &'static [&'static str],
    ) -> FormMessages {
        let submitted = !server_errors.is_empty();
        FormMessages {
            shown: RwSignal::new(server_errors),
            submitted_with_errors: RwSignal::new(submitted),
            has_errors,
            order,
        }
    }

    /// What the error summary lists: nothing before the first submit attempt.
    pub fn summary(self) -> Signal<FieldErrors> {
        Signal::derive(move || {
            if self.submitted_with_errors.get() {
                self.shown.get()
            } else {
                FieldErrors::default()
            }
        })
    }

    fn show(self, errors: FieldErrors) {
        if self.submitted_with_errors.get_untracked() {
            self.has_errors.set(!errors.is_empty());
        }
        self.shown.set(errors);
    }

    /// After a submit attempt: every message, the summary and the title.
    pub fn show_all(self, errors: FieldErrors) {
        self.submitted_with_errors.set(true);
        self.show(errors);
    }

    /// Re-checks one field with the shared rules (`fresh`: the whole form's errors now),
    /// leaving the messages of the others as they are.
    pub fn check_field(self, fresh: &FieldErrors, field: &str) {
        let merged = self
            .shown
            .with_untracked(|errors| errors.with_field_from(fresh, field, self.order));
        self.show(merged);
    }

    /// The message under `field`, in the page's language.
    pub fn message_for(self, i18n: I18n, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.shown
                .with(|e| e.for_field(field).map(|e| i18n.field_message(e)))
        })
    }
}
