//! A step's answers while the person types: one signal per input, read back as the same flat
//! map the server receives from a plain form.

use leptos::prelude::*;

use super::{Control, Section};
use crate::model::step_form::{is_checked, CHECKED};
use crate::model::StepValues;

/// Input names with their signals.
type Named<T> = StoredValue<Vec<(&'static str, RwSignal<T>)>>;

#[derive(Clone, Copy)]
pub struct StepAnswers {
    texts: Named<String>,
    flags: Named<bool>,
    choices: Named<Option<&'static str>>,
}

impl StepAnswers {
    /// Signals for every input of `sections`, starting from `initial`.
    pub fn new(sections: &[Section], initial: &StepValues) -> StepAnswers {
        let mut texts = Vec::new();
        let mut flags = Vec::new();
        let mut choices = Vec::new();
        let value = |name: &str| initial.get(name).cloned().unwrap_or_default();
        for question in sections.iter().flat_map(|s| s.questions.iter()) {
            match question.control {
                Control::Text { .. } | Control::Area | Control::Select(_) => {
                    texts.push((question.id, RwSignal::new(value(question.id))));
                }
                Control::Radios(options) => {
                    let chosen = value(question.id);
                    let selected = options.iter().map(|(v, _)| *v).find(|v| *v == chosen);
                    choices.push((question.id, RwSignal::new(selected)));
                }
                Control::Checkboxes(boxes) => {
                    for (name, _) in boxes {
                        flags.push((*name, RwSignal::new(is_checked(&value(name)))));
                    }
                }
            }
        }
        StepAnswers {
            texts: StoredValue::new(texts),
            flags: StoredValue::new(flags),
            choices: StoredValue::new(choices),
        }
    }

    fn find<T: Copy>(list: &[(&'static str, T)], name: &str) -> Option<T> {
        list.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
    }

    pub fn text(&self, name: &str) -> RwSignal<String> {
        self.texts
            .with_value(|list| Self::find(list, name))
            .unwrap_or_else(|| RwSignal::new(String::new()))
    }

    pub fn flag(&self, name: &str) -> RwSignal<bool> {
        self.flags
            .with_value(|list| Self::find(list, name))
            .unwrap_or_else(|| RwSignal::new(false))
    }

    pub fn choice(&self, name: &str) -> RwSignal<Option<&'static str>> {
        self.choices
            .with_value(|list| Self::find(list, name))
            .unwrap_or_else(|| RwSignal::new(None))
    }

    /// The answers as a form would post them.
    pub fn values(&self) -> StepValues {
        let mut values = StepValues::new();
        self.texts.with_value(|list| {
            for (name, signal) in list {
                values.insert((*name).to_owned(), signal.get_untracked());
            }
        });
        self.flags.with_value(|list| {
            for (name, signal) in list {
                if signal.get_untracked() {
                    values.insert((*name).to_owned(), CHECKED.to_owned());
                }
            }
        });
        self.choices.with_value(|list| {
            for (name, signal) in list {
                if let Some(value) = signal.get_untracked() {
                    values.insert((*name).to_owned(), value.to_owned());
                }
            }
        });
        values
    }
}
