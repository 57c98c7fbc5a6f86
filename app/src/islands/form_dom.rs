//! The form-check island's work in the page (browser only): it reads the form's answers,
//! runs the shared rules, and writes each message into the markup the server renders for it
//! (`components::fields`, `components::error_summary`). Plain DOM calls: the form and its
//! fields are the server's, not the island's views.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::document;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{
    Element, Event, FocusEvent, HtmlElement, HtmlFormElement, HtmlTemplateElement,
};

use super::dom::{listen, mark_awake, target_element};
use super::form_read::{errors, field_of, is_typed, server_errors};
use super::form_texts::{FormCheckTexts, CHECKS_FORM};
use crate::components::described_by;
use crate::model::{CheckedForm, FieldError, FieldErrors};

struct FormState {
    form: HtmlFormElement,
    rules: CheckedForm,
    texts: FormCheckTexts,
    /// The messages on the page now.
    shown: RefCell<FieldErrors>,
    /// After a first submit attempt the summary follows every change, as on the server's page.
    summary_shown: Cell<bool>,
    /// Set once the form is on its way: a second press does not send it twice.
    sending: Cell<bool>,
}

/// Starts checking each form the page marked (`FormChecked`); marks the islands awake, which
/// the end-to-end tests wait for.
pub fn attach_all() {
    if let Ok(templates) = document().query_selector_all(&format!("template[{CHECKS_FORM}]")) {
        for index in 0..templates.length() {
            let template = templates.item(index).and_then(|n| n.dyn_into().ok());
            if let Some(template) = template {
                attach(&template);
            }
        }
    }
    mark_awake("FormCheck");
}

/// The form a template names, its rules and their words.
fn attach(template: &HtmlTemplateElement) {
    let attribute = |name: &str| template.get_attribute(name).unwrap_or_default();
    let Some(rules) = CheckedForm::from_code(&attribute("data-rules")) else {
        return;
    };
    let Some(form) = document()
        .get_element_by_id(&attribute(CHECKS_FORM))
        .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let mut texts = FormCheckTexts {
        error_prefix: attribute("data-error-prefix"),
        title_prefix: attribute("data-title-prefix"),
        summary_title: attribute("data-summary-title"),
        ..FormCheckTexts::default()
    };
    if let Ok(messages) = template.content().query_selector_all("[data-key]") {
        for index in 0..messages.length() {
            let message = messages
                .item(index)
                .and_then(|n| n.dyn_into::<Element>().ok());
            if let Some(message) = message {
                let key = message.get_attribute("data-key").unwrap_or_default();
                texts
                    .messages
                    .insert(key, message.text_content().unwrap_or_default());
            }
        }
    }
    // What the server rendered (a form sent back with its messages) is the starting point.
    let shown = server_errors(&form, rules);
    let summary_shown = document().query_selector(".error-summary").ok().flatten();
    let state = Rc::new(FormState {
        form: form.clone(),
        rules,
        texts,
        shown: RefCell::new(shown),
        summary_shown: Cell::new(summary_shown.is_some()),
        sending: Cell::new(false),
    });
    if let Some(summary) = summary_shown {
        links_focus_fields(&summary);
    }
    listen(&form, "focusout", {
        let state = state.clone();
        move |event: Event| {
            let Some(element) = target_element(&event) else {
                return;
            };
            let moves_to_submit = event
                .dyn_ref::<FocusEvent>()
                .and_then(FocusEvent::related_target)
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|e| e.get_attribute("type").as_deref() == Some("submit"));
            // Leaving for the submit button: the submit checks everything, and a message
            // inserted now would push the button from under the pointer and lose the click.
            if is_typed(&element) && !moves_to_submit {
                state.check_field_of(&element);
            }
        }
    });
    listen(&form, "input", {
        let state = state.clone();
        move |event: Event| {
            let Some(element) = target_element(&event) else {
                return;
            };
            if is_typed(&element) && state.shows_error_for(&element) {
                state.check_field_of(&element);
            }
        }
    });
    listen(&form, "change", {
        let state = state.clone();
        move |event: Event| {
            let Some(element) = target_element(&event) else {
                return;
            };
            if !is_typed(&element) || element.tag_name().eq_ignore_ascii_case("select") {
                state.check_field_of(&element);
            }
        }
    });
    listen(&form, "submit", {
        let state = state.clone();
        move |event: Event| state.submit(&event)
    });
}

impl FormState {
    fn message(&self, error: &FieldError) -> Option<&str> {
        self.texts
            .messages
            .get(&FormCheckTexts::key(&error.code, error.n))
            .map(String::as_str)
    }

    fn shows_error_for(&self, element: &Element) -> bool {
        field_of(element).is_some_and(|field| self.shown.borrow().for_field(&field).is_some())
    }

    /// Re-checks the field `element` belongs to, leaving the others' messages as they are.
    fn check_field_of(&self, element: &Element) {
        let Some(field) = field_of(element) else {
            return;
        };
        let mut fresh = errors(&self.form, self.rules);
        // A failure the island has no words for is left to the server, which has them.
        fresh = FieldErrors::from_iter(fresh.iter().filter(|e| self.message(e).is_some()).cloned());
        let merged = self
            .shown
            .borrow()
            .with_field_from(&fresh, &field, self.rules.order());
        *self.shown.borrow_mut() = merged;
        self.show_field(&field);
        if self.summary_shown.get() {
            self.show_summary();
        }
    }

    fn submit(&self, event: &Event) {
        if self.sending.get() {
            event.prevent_default();
            return;
        }
        let errors = errors(&self.form, self.rules);
        if errors.is_empty() || errors.iter().any(|e| self.message(e).is_none()) {
            // Nothing to say here, or something only the server can word: the form goes.
            self.sending.set(true);
            return;
        }
        event.prevent_default();
        let previous = self.shown.replace(errors);
        for field in self.rules.order() {
            let was = previous.for_field(field).is_some();
            let is = self.shown.borrow().for_field(field).is_some();
            if was || is {
                self.show_field(field);
            }
        }
        self.summary_shown.set(true);
        if let Some(summary) = self.show_summary() {
            let _ = summary.focus();
        }
    }

    /// The message under `field`, its `aria-invalid` and `aria-describedby`, as the server
    /// renders them (`components::fields`).
    fn show_field(&self, field: &str) {
        let shown = self.shown.borrow();
        let message = shown.for_field(field).and_then(|e| self.message(e));
        let Some(wrapper) = self
            .form
            .query_selector(&format!("[data-field=\"{field}\"]"))
            .ok()
            .flatten()
        else {
            return;
        };
        let has_error = message.is_some();
        let _ = wrapper
            .class_list()
            .toggle_with_force("field--error", has_error);
        let error_id = format!("{field}-error");
        let existing = document().get_element_by_id(&error_id);
        match (message, existing) {
            (Some(text), Some(paragraph)) => self.word_error(&paragraph, text),
            (Some(text), None) => {
                let Ok(paragraph) = document().create_element("p") else {
                    return;
                };
                paragraph.set_id(&error_id);
                paragraph.set_class_name("error-message");
                self.word_error(&paragraph, text);
                let anchor = wrapper
                    .query_selector(".choices, input, select, textarea")
                    .ok()
                    .flatten();
                if let Some((anchor, parent)) = anchor.and_then(|a| a.parent_node().map(|p| (a, p)))
                {
                    let _ = parent.insert_before(&paragraph, Some(&anchor));
                }
            }
            (None, Some(paragraph)) => paragraph.remove(),
            (None, None) => {}
        }
        let has_hint = document()
            .get_element_by_id(&format!("{field}-hint"))
            .is_some();
        let described = described_by(field, has_hint, has_error);
        let group = wrapper.query_selector(":scope > fieldset").ok().flatten();
        let control = group
            .clone()
            .or_else(|| document().get_element_by_id(field));
        let Some(control) = control else {
            return;
        };
        match described {
            Some(ids) => {
                let _ = control.set_attribute("aria-describedby", &ids);
            }
            None => {
                let _ = control.remove_attribute("aria-describedby");
            }
        }
        if group.is_none() {
            if has_error {
                let _ = control.set_attribute("aria-invalid", "true");
            } else {
                let _ = control.remove_attribute("aria-invalid");
            }
            let _ = control
                .class_list()
                .toggle_with_force("input--error", has_error);
        }
    }

    fn word_error(&self, paragraph: &Element, text: &str) {
        paragraph.set_text_content(None);
        if let Ok(prefix) = document().create_element("span") {
            prefix.set_class_name("visually-hidden");
            prefix.set_text_content(Some(&format!("{} ", self.texts.error_prefix)));
            let _ = paragraph.append_child(&prefix);
        }
        let _ = paragraph.append_child(&document().create_text_node(text));
    }

    /// The error summary before the form, as `components::ErrorSummary` renders it, and
    /// "Error:" in the title while it shows; gone, with the prefix, once nothing is wrong.
    fn show_summary(&self) -> Option<HtmlElement> {
        let existing = document().query_selector(".error-summary").ok().flatten();
        let shown = self.shown.borrow();
        self.title_says_error(!shown.is_empty());
        if shown.is_empty() {
            if let Some(old) = existing {
                old.remove();
            }
            return None;
        }
        let make = |tag: &str, class: &str| {
            let element = document().create_element(tag).ok()?;
            if !class.is_empty() {
                element.set_class_name(class);
            }
            Some(element)
        };
        let summary = make("div", "error-summary")?;
        let _ = summary.set_attribute("role", "alert");
        let _ = summary.set_attribute("tabindex", "-1");
        let _ = summary.set_attribute("aria-labelledby", "error-summary-title");
        let title = make("h2", "error-summary__title")?;
        title.set_id("error-summary-title");
        title.set_text_content(Some(&self.texts.summary_title));
        let list = make("ul", "error-summary__list")?;
        for error in shown.iter() {
            let Some(text) = self.message(error) else {
                continue;
            };
            let item = make("li", "")?;
            let link = make("a", "")?;
            let _ = link.set_attribute("href", &format!("#{}", error.field));
            link.set_text_content(Some(text));
            let _ = item.append_child(&link);
            let _ = list.append_child(&item);
        }
        let _ = summary.append_child(&title);
        let _ = summary.append_child(&list);
        match existing {
            Some(old) => {
                let _ = old.replace_with_with_node_1(&summary);
            }
            None => {
                let parent = self.form.parent_node()?;
                let _ = parent.insert_before(&summary, Some(&self.form));
            }
        }
        links_focus_fields(&summary);
        summary.dyn_into::<HtmlElement>().ok()
    }

    fn title_says_error(&self, error: bool) {
        let document = document();
        let title = document.title();
        let prefix = format!("{} ", self.texts.title_prefix);
        let has_prefix = title.starts_with(&prefix);
        if error && !has_prefix {
            document.set_title(&format!("{prefix}{title}"));
        } else if !error && has_prefix {
            document.set_title(&title[prefix.len()..]);
        }
    }
}

/// The summary's links put focus on their field, not only the view: a screen reader then reads
/// the field's label and message, and typing goes straight into it.
fn links_focus_fields(summary: &Element) {
    listen(summary, "click", |event: Event| {
        let Some(link) =
            target_element(&event).and_then(|e| e.closest("a[href^='#']").ok().flatten())
        else {
            return;
        };
        let id = link.get_attribute("href").unwrap_or_default();
        let field = document()
            .get_element_by_id(id.trim_start_matches('#'))
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(field) = field {
            event.prevent_default();
            let _ = field.focus();
        }
    });
}
