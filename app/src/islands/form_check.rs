//! The form-check island: a server-rendered form's fields checked in the browser as they are
//! left and on submit, by the rules the server applies (`CheckedForm`), with the server's own
//! words. It changes the form's markup exactly as the server renders an answered form (the
//! message under the field, `aria-invalid`, the error summary that takes focus, "Error:" in the
//! title), so a page looks the same whichever side found the mistake. A form the rules accept
//! is sent as a plain post; whatever only the server can tell (a code already used, a file's
//! content) still comes back from it.

use leptos::prelude::*;

use super::form_texts::{messages_html, FormCheckTexts};
use crate::i18n::use_i18n;
use crate::model::CheckedForm;

/// Checks the forms that [`FormChecked`] marked on the page. No props: the form, its rules and
/// their words are in that markup, so the browser needs no JSON parser for them
/// (docs/islands.md).
#[island]
pub fn FormCheck() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    super::form_dom::attach_all();
}

/// The form-check island for the form `form_id` on this page, checked by `form`'s rules: put
/// it after the form. The words go in a `<template>`: inert, never shown or read out, and
/// about 3 kB of the page once compressed.
#[component]
pub fn FormChecked(form_id: &'static str, form: CheckedForm) -> impl IntoView {
    let locale = use_i18n().locale;
    let texts = FormCheckTexts::for_locale(locale);
    view! {
        <FormCheck/>
        <template
            data-checks-form=form_id
            data-rules=form.code()
            data-error-prefix=texts.error_prefix.clone()
            data-title-prefix=texts.title_prefix.clone()
            data-summary-title=texts.summary_title.clone()
            inner_html=messages_html(locale)
        ></template>
    }
}
